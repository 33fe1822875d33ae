package vn.motcua.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.qute.EngineBuilder;

/**
 * Every template instance created while a request is served takes the request's page language
 * ({@link PageContext#locale()}), so {@code {msg:…}} speaks the reader's language without any page method setting
 * it. A method may still set another locale afterwards (an e-mail in the recipient's language).
 */
@ApplicationScoped
public class PageTemplates {

    void localize(@Observes EngineBuilder builder) {
        builder.addTemplateInstanceInitializer(instance -> {
            ManagedContext requests = Arc.container().requestContext();
            if (requests.isActive()) {
                instance.setLocale(Arc.container().instance(PageContext.class).get().locale());
            }
        });
    }
}
