package vn.motcua;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import vn.motcua.identity.realm.RealmGenerator;
import vn.motcua.platform.embedded.AppLifecycle;
import vn.motcua.platform.embedded.KeycloakThemes;
import vn.motcua.platform.embedded.EmbeddedSettings;
import vn.motcua.tenant.FullTreeGenerator;
import vn.motcua.tenant.TenantFiles;
import vn.motcua.tenant.TenantTree;

/**
 * The service's entry point. Before Quarkus reads its configuration, it starts the embedded PostgreSQL and Keycloak
 * for whichever has no URL configured and hands their addresses to Quarkus as system properties.
 *
 * <ul>
 * <li>no argument: run the service (with embedded servers where needed)</li>
 * <li>{@code services}: start only the embedded servers and print their settings, for running a second replica or a
 * benchmark against them</li>
 * <li>{@code generate-tenants DIR [districts] [wards]}: write a full-size tenant tree</li>
 * <li>{@code realms DIR URL...}: write the staff and citizens realms generated from the tenants, for importing into an
 * external Keycloak, with the service's public URLs as sign-in redirect targets, and our login theme they name
 * ({@code DIR/themes/motcua}, for that Keycloak's {@code themes/} folder)</li>
 * <li>{@code backup DIR}, {@code verify-backup DIR}, {@code restore DIR}: the database and the attachment store
 * ({@link BackupCommand}, docs/operations.md)</li>
 * </ul>
 */
@QuarkusMain
public final class MotcuaMain {

    private MotcuaMain() {
    }

    public static void main(String... args) throws Exception {
        if (args.length > 0 && args[0].equals("generate-tenants")) {
            FullTreeGenerator.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("realms")) {
            writeRealms(args);
            return;
        }
        if (args.length > 0 && List.of("backup", "verify-backup", "restore").contains(args[0])) {
            System.exit(BackupCommand.run(args[0], List.of(Arrays.copyOfRange(args, 1, args.length))));
            return;
        }
        boolean servicesOnly = args.length > 0 && args[0].equals("services");
        EmbeddedSettings settings = EmbeddedSettings.fromEnvironment();
        if (settings.needsAny()) {
            EmbeddedServices services;
            try {
                services = EmbeddedServices.start(settings);
            } catch (RuntimeException | IOException e) {
                System.err.println("[motcua] Could not start the embedded servers: " + e.getMessage());
                System.exit(1);
                return;
            }
            services.properties().forEach(System::setProperty);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                AppLifecycle.awaitStopped(15);
                services.close();
            }, "motcua-embedded-stop"));
            String appUrl = settings.appBaseUrls().get(0);
            if (servicesOnly) {
                services.properties().forEach((k, v) -> System.out.println("export " + k + "=" + v));
                System.out.println(services.banner(appUrl));
                Thread.currentThread().join();
                return;
            }
            System.setProperty(AppLifecycle.BANNER, services.banner(appUrl));
        }
        Quarkus.run(args);
    }

    private static void writeRealms(String... args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: realms DIR URL... (e.g. realms target/realms https://motcua.example.vn)");
            System.exit(2);
        }
        Path dir = Path.of(args[1]);
        Files.createDirectories(dir);
        TenantTree tree = TenantFiles.load(EmbeddedSettings.fromEnvironment().tenantsDir());
        RealmGenerator generator = new RealmGenerator(tree, List.of(Arrays.copyOfRange(args, 2, args.length)));
        for (Map.Entry<String, String> realm : generator.realmsAsJson().entrySet()) {
            Path file = dir.resolve(realm.getKey() + "-realm.json");
            Files.writeString(file, realm.getValue());
            System.out.println("Wrote " + file);
        }
        // The realms name our login theme: it goes with them, for that Keycloak's themes/ folder.
        KeycloakThemes.install(dir.resolve("themes"));
        System.out.println("Wrote " + dir.resolve("themes").resolve(KeycloakThemes.LOGIN) + "  (copy it into Keycloak's themes/ folder)");
        System.out.println("Import with: kc.sh import --dir " + dir + "  (replace the demo users and client secrets before production)");
    }
}
