package vn.motcua.identity.realm;

/**
 * The staff realm's declarative user profile: an officer's name and e-mail are the office's record of them, set by
 * the tenant's administrators (or the provisioning client), never by the officer. Citizens read those names in "who
 * read my data" and in the history of their dossiers; an officer who could rename themselves on Keycloak's account
 * page could sign their reads with any name.
 */
final class StaffProfile {

    private StaffProfile() {
    }

    static final String JSON = """
            {"attributes":[
            {"name":"username","displayName":"${username}","validations":{"length":{"min":3,"max":255},"username-prohibited-characters":{},"up-username-not-idn-homograph":{}},"permissions":{"view":["admin","user"],"edit":["admin"]},"multivalued":false},
            {"name":"email","displayName":"${email}","validations":{"email":{},"length":{"max":255}},"permissions":{"view":["admin","user"],"edit":["admin"]},"multivalued":false},
            {"name":"firstName","displayName":"${firstName}","validations":{"length":{"max":255},"person-name-prohibited-characters":{}},"permissions":{"view":["admin","user"],"edit":["admin"]},"multivalued":false},
            {"name":"lastName","displayName":"${lastName}","validations":{"length":{"max":255},"person-name-prohibited-characters":{}},"permissions":{"view":["admin","user"],"edit":["admin"]},"multivalued":false}
            ],"groups":[{"name":"user-metadata","displayHeader":"User metadata","displayDescription":"Attributes, which refer to user metadata"}]}""";
}
