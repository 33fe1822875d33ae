/**
 * The dossier aggregate and its pure rules (hồ sơ): statuses, the state machine ({@link vn.motcua.dossier.domain.DossierAction},
 * {@link vn.motcua.dossier.domain.DossierCommands}), steps and their clocks ({@link vn.motcua.dossier.domain.Deadlines}),
 * interconnected parts ({@link vn.motcua.dossier.domain.Parts}), receipt codes and the checks of a citizen's input.
 * No I/O: unit-tested without a database or HTTP.
 */
package vn.motcua.dossier.domain;
