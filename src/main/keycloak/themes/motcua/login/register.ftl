<#import "template.ftl" as layout>
<#import "motcua-fields.ftl" as fields>
<#import "user-profile-commons.ftl" as userProfileCommons>
<#import "register-commons.ftl" as registerCommons>
<#--
  Registration: base's user-profile fields (the realm's declarative profile), the password right under the username,
  without base's password-visibility script or reCAPTCHA (our realms use neither).
-->
<@layout.registrationLayout displayMessage=messagesPerField.exists('global') displayRequiredFields=true fields=['password','password-confirm','termsAccepted']; section>
<#if section = "header">
<#if messageHeader??>${kcSanitize(msg("${messageHeader}"))?no_esc}<#else>${msg("registerTitle")}</#if>
<#elseif section = "form">
<form id="kc-register-form" action="${url.registrationAction}" method="post">
<@userProfileCommons.userProfileFormFields; callback, attribute>
<#if callback = "afterField" && passwordRequired?? && (attribute.name == 'username' || (attribute.name == 'email' && realm.registrationEmailAsUsername))>
<@fields.input name="password" label=msg("password") type="password" autocomplete="new-password" errorOf=['password'] required=true/>
<@fields.input name="password-confirm" label=msg("passwordConfirm") type="password" autocomplete="new-password" errorOf=['password-confirm'] required=true/>
</#if>
</@userProfileCommons.userProfileFormFields>
<@registerCommons.termsAcceptance/>
<p><input id="kc-register" type="submit" value="${msg("doRegister")}"></p>
</form>
<p class="links"><a id="kc-back-to-login" href="${url.loginUrl}">${msg("backToLogin")}</a></p>
</#if>
</@layout.registrationLayout>
