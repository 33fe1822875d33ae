package vn.motcua.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The portal's settings. */
@ConfigMapping(prefix = "motcua.portal")
public interface PortalConfig {

    /**
     * What the post charges to bring a result home (dịch vụ bưu chính công ích), in đồng, shown before the citizen
     * chooses it and paid on delivery. Variable {@code MOTCUA_POST_RETURN_FEE}.
     */
    @WithDefault("25000")
    long postReturnFee();
}
