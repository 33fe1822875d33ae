<#--
  One labelled input with its error beside it, as the service's own text-field.html does: the error between the
  label and the input, the input pointing at it (aria-describedby), the page's error summary linking to the input.
  errorOf: the fields whose first error is shown here. describedBy: the id of an error shown beside another field
  that this input shares (the password shares the username's "wrong username or password"), or "".
  Passwords are never written back into the page.
-->
<#macro input name label type="text" value="" autocomplete="" errorOf=[] describedBy="" autofocus=false required=false>
<#local error = "">
<#if messagesPerField??>
  <#list errorOf as field>
    <#if !error?has_content && messagesPerField.existsError(field)><#local error = messagesPerField.get(field)></#if>
  </#list>
</#if>
<#local errorId = error?has_content?then(name + "-error", describedBy)>
<div class="field<#if error?has_content> invalid</#if>">
<label for="${name}">${label}<#if required> <span class="required" aria-hidden="true">*</span></#if></label>
<#if error?has_content><span class="field-error" id="${name}-error"><span class="visually-hidden">${msg("motcuaErrorPrefix")} </span>${kcSanitize(error)?no_esc}</span></#if>
<input id="${name}" name="${name}" type="${type}"<#if type != "password"> value="${value}"</#if><#if autocomplete?has_content> autocomplete="${autocomplete}"</#if><#if required> aria-required="true"</#if><#if autofocus> autofocus</#if><#if errorId?has_content> aria-invalid="true" aria-describedby="${errorId}"</#if>>
</div>
</#macro>
