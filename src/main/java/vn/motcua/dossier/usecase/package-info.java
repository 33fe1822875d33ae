/**
 * One class per operation on dossiers, each method taking the actor and the input and doing, in this order:
 * authorize ({@link vn.motcua.identity.AccessPolicy}), open the scoped transaction, run the pure command, append
 * history, outbox and audit (personal-data reads included), return a view record. A JSON resource and a page call
 * the same method; neither checks a permission nor writes the audit log.
 */
package vn.motcua.dossier.usecase;
