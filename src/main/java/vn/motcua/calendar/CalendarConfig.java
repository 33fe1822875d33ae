package vn.motcua.calendar;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the working calendars live. */
@ConfigMapping(prefix = "motcua.calendars")
public interface CalendarConfig {

    /** The calendars folder: {@code national.yaml} and {@code local/<tenant>.yaml}. Variable {@code MOTCUA_CALENDARS_DIR}. */
    @WithDefault("tenants/calendars")
    Path root();
}
