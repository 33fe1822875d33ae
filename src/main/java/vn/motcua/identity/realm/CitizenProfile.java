package vn.motcua.identity.realm;

/**
 * The citizens realm's declarative user profile: e-mail is optional and a Vietnamese mobile number may stand in for
 * it, because many citizens have a phone but no e-mail address. The identity a national-ID sign-in (VNeID) brings
 * (citizen ID number, date of birth, assurance level) is readable by the citizen and writable only by the realm, so
 * that a self-registered account can never claim it.
 */
final class CitizenProfile {

    private CitizenProfile() {
    }

    static final String JSON = """
            {"attributes":[
             {"name":"username","displayName":"${username}","validations":{"length":{"min":3,"max":255},"username-prohibited-characters":{},"up-username-not-idn-homograph":{}},"permissions":{"view":["admin","user"],"edit":["admin","user"]},"multivalued":false},
             {"name":"email","displayName":"${email}","validations":{"email":{},"length":{"max":255}},"permissions":{"view":["admin","user"],"edit":["admin","user"]},"multivalued":false},
             {"name":"phoneNumber","displayName":"Số điện thoại / Phone number","validations":{"pattern":{"pattern":"^(\\\\+84|0)[35789][0-9]{8}$","error-message":"Số điện thoại không hợp lệ / Invalid phone number"}},"annotations":{"inputType":"html5-tel"},"permissions":{"view":["admin","user"],"edit":["admin","user"]},"multivalued":false},
             {"name":"firstName","displayName":"${firstName}","validations":{"length":{"max":255},"person-name-prohibited-characters":{}},"required":{"roles":["user"]},"permissions":{"view":["admin","user"],"edit":["admin","user"]},"multivalued":false},
             {"name":"lastName","displayName":"${lastName}","validations":{"length":{"max":255},"person-name-prohibited-characters":{}},"required":{"roles":["user"]},"permissions":{"view":["admin","user"],"edit":["admin","user"]},"multivalued":false},
            {"name":"citizenId","displayName":"Số định danh cá nhân / Citizen ID","validations":{"pattern":{"pattern":"^[0-9]{12}$","error-message":"12 chữ số / 12 digits"}},"permissions":{"view":["admin","user"],"edit":["admin"]},"multivalued":false},
            {"name":"birthDate","displayName":"Ngày sinh / Date of birth","permissions":{"view":["admin","user"],"edit":["admin"]},"multivalued":false},
            {"name":"assurance","displayName":"Mức định danh / Identity assurance","permissions":{"view":["admin","user"],"edit":["admin"]},"multivalued":false}
            ],"groups":[{"name":"user-metadata","displayHeader":"User metadata","displayDescription":"Attributes, which refer to user metadata"}]}""";

    /** The national identity realm's profile: the registry's citizen ID number and date of birth, set by the registry. */
    static final String NATIONAL_ID_JSON = """
            {"attributes":[
            {"name":"username","displayName":"${username}","validations":{"length":{"min":3,"max":255}},"permissions":{"view":["admin","user"],"edit":["admin"]},"multivalued":false},
            {"name":"email","displayName":"${email}","validations":{"email":{},"length":{"max":255}},"permissions":{"view":["admin","user"],"edit":["admin"]},"multivalued":false},
            {"name":"firstName","displayName":"${firstName}","permissions":{"view":["admin","user"],"edit":["admin"]},"multivalued":false},
            {"name":"lastName","displayName":"${lastName}","permissions":{"view":["admin","user"],"edit":["admin"]},"multivalued":false},
            {"name":"citizenId","displayName":"Số định danh cá nhân","permissions":{"view":["admin","user"],"edit":["admin"]},"multivalued":false},
            {"name":"birthdate","displayName":"Ngày sinh","permissions":{"view":["admin","user"],"edit":["admin"]},"multivalued":false}
            ]}""";
}
