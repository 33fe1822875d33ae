package vn.motcua.console;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Marks a console route that answers with an event stream (luồng sự kiện), so that {@link LiveStreamGuard} checks who
 * may open it before the stream starts: once its headers are sent, a refusal could no longer be said.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface LiveStream {
}
