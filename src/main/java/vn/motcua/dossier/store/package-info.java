/**
 * The dossier tables in SQL on the reactive client, always on the connection of a transaction that
 * {@link vn.motcua.platform.db.ScopedTransactions} opened: one column list and row mapper
 * ({@link vn.motcua.dossier.store.DossierRows}), single dossiers ({@link vn.motcua.dossier.store.DossierRepository}),
 * lists ({@link vn.motcua.dossier.store.DossierQueries}), the group writer of submissions and the attachment stores.
 */
package vn.motcua.dossier.store;
