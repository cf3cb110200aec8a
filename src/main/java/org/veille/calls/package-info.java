/**
 * Calls for projects: whether an item is one ({@link org.veille.calls.CallDetector}), and its
 * deadline ({@link org.veille.calls.DeadlineRules}), read in French and English text by
 * hand-written rules: the tables of how dates, hours and cues are written ({@code DeadlineTables}),
 * the reading of a matched day and hour ({@code DayAndTime}) and the engine that weighs the cues
 * ({@code DeadlineRules}).
 */
package org.veille.calls;
