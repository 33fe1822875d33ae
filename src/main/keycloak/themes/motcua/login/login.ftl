<#import "template.ftl" as layout>
<#import "motcua-fields.ftl" as fields>
<#--
  The sign-in page. A realm with identity providers (the citizens realm: VNeID) shows them first, as the largest
  buttons, above the username and password; a realm without (staff) shows only the form. No script: the form posts.
-->
<#assign credentialsError = messagesPerField.existsError('username','password')>
<#-- With providers on the page the cursor stays put: the username's autofocus would jump past VNeID. -->
<#assign providers = (social.providers)![]>
<@layout.registrationLayout displayMessage=!credentialsError displayInfo=realm.password && realm.registrationAllowed && !registrationDisabled?? fields=['username','password'] errorTargets=usernameHidden???then({}, {'password': 'username'}); section>
<#if section = "header">
${msg("loginAccountTitle")}
<#elseif section = "socialProviders">
<#if providers?has_content>
<div id="kc-social-providers">
<#list providers as p>
<a id="social-${p.alias}" class="button idp" href="${p.loginUrl}">${msg("motcuaSignInWith", p.displayName!p.alias)}</a>
</#list>
<#if realm.password><h2 class="or">${msg("motcuaOrWithPassword")}</h2></#if>
</div>
</#if>
<#elseif section = "form">
<#if realm.password>
<form id="kc-form-login" action="${url.loginAction}" method="post">
<#if !usernameHidden??>
<@fields.input name="username" label=msg(realm.loginWithEmailAllowed?then(realm.registrationEmailAsUsername?then("email", "usernameOrEmail"), "username"))
    value=(login.username!'') autocomplete="username" errorOf=['username','password'] autofocus=!credentialsError && !providers?has_content/>
</#if>
<@fields.input name="password" label=msg("password") type="password" autocomplete="current-password"
    errorOf=usernameHidden???then(['username','password'], []) describedBy=(credentialsError && !usernameHidden??)?then("username-error", "")/>
<#if realm.rememberMe && !usernameHidden??>
<div class="checkbox"><label><input id="rememberMe" name="rememberMe" type="checkbox"<#if login.rememberMe??> checked</#if>> ${msg("rememberMe")}</label></div>
</#if>
<input type="hidden" id="id-hidden-input" name="credentialId"<#if auth.selectedCredential?has_content> value="${auth.selectedCredential}"</#if>>
<p><input id="kc-login" name="login" type="submit" value="${msg("doLogIn")}"></p>
</form>
<#if realm.resetPasswordAllowed>
<p class="links"><a id="kc-forgot-password" href="${url.loginResetCredentialsUrl}">${msg("doForgotPassword")}</a></p>
</#if>
</#if>
<#elseif section = "info">
<p id="kc-registration">${msg("noAccount")} <span class="links"><a id="kc-register" href="${url.registrationUrl}">${msg("doRegister")}</a></span></p>
</#if>
</@layout.registrationLayout>
