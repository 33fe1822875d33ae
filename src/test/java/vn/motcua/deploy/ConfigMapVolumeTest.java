package vn.motcua.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.calendar.CalendarFiles;
import vn.motcua.catalog.CatalogFiles;
import vn.motcua.tenant.Level;
import vn.motcua.tenant.TenantFiles;
import vn.motcua.tenant.TenantTree;

/**
 * The tenant data as Kubernetes mounts a ConfigMap (the chart's and the kustomize base's): the kubelet writes the files
 * into a timestamped folder, points {@code ..data} at it and makes each top-level entry ({@code tree}, {@code catalog},
 * {@code calendars}, ...) a symbolic link into {@code ..data}. The service must read the same tree, catalog and
 * calendars through those links as from {@code tenants/}.
 */
class ConfigMapVolumeTest {

    @TempDir
    Path volume;

    @Test
    void readsTheTenantDataThroughTheKubeletsSymbolicLinks() throws IOException {
        Path source = Path.of("tenants");
        Path written = volume.resolve("..2026_12_02_05_00_00.123456789");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = written.resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        Files.createSymbolicLink(volume.resolve("..data"), written.getFileName());
        try (Stream<Path> top = Files.list(written)) {
            for (Path entry : top.toList()) {
                Files.createSymbolicLink(volume.resolve(entry.getFileName()), Path.of("..data").resolve(entry.getFileName()));
            }
        }

        TenantTree expected = TenantFiles.load(source);
        TenantTree mounted = TenantFiles.load(volume);
        assertEquals(expected.size(), mounted.size(), "tenants read through the links");
        assertEquals(expected.postalOffices().size(), mounted.postalOffices().size(), "post offices read through the links");

        var levels = expected.levels().stream().map(Level::code).collect(Collectors.toSet());
        assertEquals(CatalogFiles.load(source.resolve("catalog"), levels).keySet(),
                CatalogFiles.load(volume.resolve("catalog"), levels).keySet(), "procedures read through the links");
        CalendarFiles.Book calendars = CalendarFiles.load(volume.resolve("calendars"));
        assertEquals(CalendarFiles.load(source.resolve("calendars")).local().keySet(), calendars.local().keySet(),
                "local calendars read through the links");
    }
}
