<#import "template.ftl" as layout>
<#import "motcua-fields.ftl" as fields>
<#import "password-commons.ftl" as passwordCommons>
<#-- A new password (after a reset, or when an administrator asked for one): base's form without its script. -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('password','password-confirm') fields=['password','password-confirm'] errorTargets={'password': 'password-new'}; section>
<#if section = "header">
${msg("updatePasswordTitle")}
<#elseif section = "form">
<form id="kc-passwd-update-form" action="${url.loginAction}" method="post">
<@fields.input name="password-new" label=msg("passwordNew") type="password" autocomplete="new-password" errorOf=['password'] autofocus=true/>
<@fields.input name="password-confirm" label=msg("passwordConfirm") type="password" autocomplete="new-password" errorOf=['password-confirm']/>
<@passwordCommons.logoutOtherSessions/>
<p>
<input name="login" type="submit" value="${msg("doSubmit")}">
<#if isAppInitiatedAction??><button class="button-secondary" type="submit" name="cancel-aia" value="true">${msg("doCancel")}</button></#if>
</p>
</form>
</#if>
</@layout.registrationLayout>
