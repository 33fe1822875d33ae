{{/* Names and labels, as `helm create` makes them. */}}
{{- define "motcua.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "motcua.fullname" -}}
{{- if contains .Chart.Name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "motcua.selectorLabels" -}}
app.kubernetes.io/name: {{ include "motcua.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "motcua.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "motcua.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: motcua
{{- end }}

{{- define "motcua.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "motcua.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The Secret holding the service's secrets: the operator's own, or the chart's. */}}
{{- define "motcua.secretName" -}}
{{- default (include "motcua.fullname" .) .Values.secrets.existingSecret }}
{{- end }}

{{/* The CloudNativePG cluster's name; its read-write service is "<name>-rw". */}}
{{- define "motcua.dbCluster" -}}
{{- printf "%s-db" (include "motcua.fullname" .) | trunc 60 | trimSuffix "-" }}
{{- end }}

{{- define "motcua.dbHost" -}}
{{- default (printf "%s-rw" (include "motcua.dbCluster" .)) .Values.database.host }}
{{- end }}

{{- define "motcua.keycloakName" -}}
{{- printf "%s-keycloak" (include "motcua.fullname" .) | trunc 55 | trimSuffix "-" }}
{{- end }}

{{/* Keycloak's base URL: the operator's service is "<name>-service", HTTP on 8080 unless TLS is configured. */}}
{{- define "motcua.oidcUrl" -}}
{{- if .Values.oidc.url }}
{{- .Values.oidc.url }}
{{- else if .Values.keycloak.tlsSecret }}
{{- printf "https://%s-service:8443" (include "motcua.keycloakName" .) }}
{{- else }}
{{- printf "http://%s-service:8080" (include "motcua.keycloakName" .) }}
{{- end }}
{{- end }}

{{/* Tenant data file → ConfigMap key: keys cannot hold "/", so "tree/ha-noi/ba-dinh.yaml" is "tree__ha-noi__ba-dinh.yaml". */}}
{{- define "motcua.tenantKey" -}}
{{- trimPrefix "files/tenants/" . | replace "/" "__" }}
{{- end }}

{{/*
A secret value, base64: the given one, else the one already in the cluster (so upgrades keep it), else 32 random
characters. Arguments: (list $ secretName key given).
*/}}
{{- define "motcua.secretValue" -}}
{{- $ctx := index . 0 }}{{- $name := index . 1 }}{{- $key := index . 2 }}{{- $given := index . 3 }}
{{- if $given }}
{{- $given | b64enc }}
{{- else }}
{{- $existing := lookup "v1" "Secret" $ctx.Release.Namespace $name }}
{{- if and $existing $existing.data (hasKey $existing.data $key) }}
{{- index $existing.data $key }}
{{- else }}
{{- randAlphaNum 32 | b64enc }}
{{- end }}
{{- end }}
{{- end }}

{{/* Whether more than one replica may run: then the attachments need a store they share. */}}
{{- define "motcua.manyReplicas" -}}
{{- if or .Values.autoscaling.enabled (gt (int .Values.replicaCount) 1) }}true{{ end }}
{{- end }}
