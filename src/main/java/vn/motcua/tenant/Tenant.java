package vn.motcua.tenant;

import java.util.List;

/**
 * One unit of local government served by Motcua: the city, a district or a ward (đơn vị hành chính).
 *
 * @param code             stable identifier, unique in the tree; never reused, kept when the tenant moves or merges
 * @param parentCode       the supervising tenant, {@code null} for the root
 * @param level            the level's code, e.g. {@code ward}
 * @param depth            0 for the root
 * @param agencyCode       the electronic agency identifier (mã định danh điện tử cơ quan), e.g. {@code 000.00.01.H26}
 * @param deskHours        the desk's effective hours, inherited from the nearest ancestor that sets them
 * @param ownDeskHours     whether {@code deskHours} is set on this tenant rather than inherited
 * @param postalOffices    codes of the post offices that serve this tenant
 * @param source           the file the tenant was read from, relative to the tenants folder
 */
public record Tenant(
        String code,
        String parentCode,
        String level,
        int depth,
        LocalizedText name,
        String agencyCode,
        String address,
        String phone,
        String email,
        DeskHours deskHours,
        boolean ownDeskHours,
        List<String> postalOffices,
        String source) {

    public Tenant {
        postalOffices = List.copyOf(postalOffices);
    }

    public boolean isRoot() {
        return parentCode == null;
    }
}
