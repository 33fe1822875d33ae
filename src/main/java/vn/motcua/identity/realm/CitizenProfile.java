package vn.motcua.identity.realm;

/**
 * The citizens realm's declarative user profile: e-mail is optional and a Vietnamese mobile number may stand in for
 * it, because many citizens have a phone but no e-mail address.
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
             {"name":"lastName","displayName":"${lastName}","validations":{"length":{"max":255},"person-name-prohibited-characters":{}},"required":{"roles":["user"]},"permissions":{"view":["admin","user"],"edit":["admin","user"]},"multivalued":false}
            ],"groups":[{"name":"user-metadata","displayHeader":"User metadata","displayDescription":"Attributes, which refer to user metadata"}]}""";
}
