/**
 * The dossiers' JSON API: resources parse the request, call one use case and render its view record
 * ({@link vn.motcua.dossier.api.DossierPresenter}); every operation declares its permission as {@code x-permission}.
 */
package vn.motcua.dossier.api;
