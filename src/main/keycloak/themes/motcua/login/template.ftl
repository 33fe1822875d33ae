<#--
  The page around every sign-in page: our header, the language switch as plain links, the error summary, and the
  stylesheet inlined. It links nothing: no script, no web font, no favicon (data: URL), so a page is one request.
  Base's scripts (session polling, the locale dropdown, passkeys) and the page's own `scripts` are left out on
  purpose: nothing here needs JavaScript. A realm that turns on reCAPTCHA would need them back.

  fields: the names of the page's own fields (beyond a user profile's attributes, which are found by themselves),
  in the page's order; the summary links each error to its field, each text once. errorTargets: field → the id of
  the input whose error is shown beside it, where that is another (login: "password" → "username").
-->
<#macro registrationLayout bodyClass="" displayInfo=false displayMessage=true displayRequiredFields=false fields=[] errorTargets={}>
<#assign fieldErrors = errorsOf(fields, errorTargets)>
<#assign showMessage = displayMessage && message?has_content && (message.type != 'warning' || !isAppInitiatedAction??)>
<#assign hasErrors = fieldErrors?has_content || (showMessage && message.type = 'error')>
<#assign pageHeader><#nested "header"></#assign>
<#assign realmName = (realm.displayName)!realm.name>
<!DOCTYPE html>
<html lang="${lang}" data-theme="motcua"<#if locale??> dir="${(locale.rtl)?then('rtl','ltr')}"</#if>>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title><#if hasErrors>${msg("motcuaErrorPrefix")} </#if>${pageHeader?markup_string?replace("<[^>]*>", "", "r")?trim?no_esc} — ${realmName}</title>
<link rel="icon" href="data:,">
<style>
<#-- resources/css/motcua.css, copied in as it is: Keycloak finds an included file in the theme's folder. -->
<#include "resources/css/motcua.css" parse=false>
</style>
</head>
<body<#if bodyClass?has_content> class="${bodyClass}"</#if><#if pageId??> data-page-id="login-${pageId}"</#if>>
<header>
  <div class="bar">
    <span class="brand">${realmName}</span>
    <#if realm.internationalizationEnabled && locale?? && locale.supported?size gt 1>
    <nav aria-label="${msg("motcuaLanguages")}">
      <ul>
        <#list locale.supported as l>
        <#if l.languageTag != locale.currentLanguageTag>
        <li><a id="language-${l.languageTag}" href="${l.url}" lang="${l.languageTag}" hreflang="${l.languageTag}">${msg("motcuaLanguage_" + l.languageTag)}</a></li>
        </#if>
        </#list>
      </ul>
    </nav>
    </#if>
  </div>
</header>
<main id="kc-content">
<h1 id="kc-page-title">${pageHeader?markup_string?trim?no_esc}</h1>
<#if hasErrors>
<div class="error-summary" id="error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="error-summary-title">
<h2 id="error-summary-title">${msg("motcuaErrorSummaryTitle")}</h2>
<#if showMessage && message.type = 'error'><p>${kcSanitize(message.summary)?no_esc}</p></#if>
<#if fieldErrors?has_content>
<ul>
<#list fieldErrors as e>
<li><a href="#${e.field}">${kcSanitize(e.text)?no_esc}</a></li>
</#list>
</ul>
</#if>
</div>
<#elseif showMessage>
<div class="notice notice-${message.type}" role="status"><p>${kcSanitize(message.summary)?no_esc}</p></div>
</#if>
<#if displayRequiredFields>
<p class="hint"><span class="required">*</span> ${msg("requiredFields")}</p>
</#if>
<#if auth?has_content && auth.showUsername() && !auth.showResetCredentials()>
<#nested "show-username">
<p id="kc-username">${auth.attemptedUsername} <a id="reset-login" href="${url.loginRestartFlowUrl}">${msg("restartLoginTooltip")}</a></p>
</#if>
<#-- Providers (VNeID) come first, above the form: for most citizens the quickest way in. -->
<#nested "socialProviders">
<#nested "form">
<#if auth?has_content && auth.showTryAnotherWayLink()>
<form id="kc-select-try-another-way-form" action="${url.loginAction}" method="post">
<input type="hidden" name="tryAnotherWay" value="on">
<button type="submit" class="button-link" id="try-another-way">${msg("doTryAnotherWay")}</button>
</form>
</#if>
<#if displayInfo>
<div id="kc-info">
<#nested "info">
</div>
</#if>
</main>
</body>
</html>
</#macro>

<#-- The errors of the given fields and of the user profile's attributes: [{field, text}], each text once. -->
<#function errorsOf names targets>
  <#local all = []>
  <#if profile?? && profile.attributes??>
    <#list profile.attributes as attribute><#local all = all + [attribute.name]></#list>
  </#if>
  <#list names as name>
    <#if !all?seq_contains(name)><#local all = all + [name]></#if>
  </#list>
  <#local errors = []>
  <#local seen = []>
  <#if messagesPerField??>
    <#list all as name>
      <#if messagesPerField.existsError(name)>
        <#local text = messagesPerField.get(name)>
        <#if !seen?seq_contains(text)>
          <#local seen = seen + [text]>
          <#local errors = errors + [{"field": targets[name]!name, "text": text}]>
        </#if>
      </#if>
    </#list>
  </#if>
  <#return errors>
</#function>
