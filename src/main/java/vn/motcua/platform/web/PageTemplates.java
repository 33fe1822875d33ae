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
        // The request context and the page's client proxy are looked up once, not for every instance: a page creates
        // an instance for each message it renders, and the look-up was a measurable part of the console's queue page.
        ManagedContext requests = Arc.container().requestContext();
        PageContext page = Arc.container().instance(PageContext.class).get();
        builder.addTemplateInstanceInitializer(instance -> {
            if (requests.isActive()) {
                instance.setLocale(page.locale());
            }
        });
    }
}
