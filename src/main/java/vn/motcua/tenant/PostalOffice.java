package vn.motcua.tenant;

/** A post office (bưu cục) of the public postal service that takes in dossiers and delivers results for tenants. */
public record PostalOffice(String code, LocalizedText name, String address, String phone) {
}
