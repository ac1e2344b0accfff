package io.investcrm.pipeline;

/**
 * Two pursuits became one in a company merge: the loser's pursuit is about to be deleted, its history has joined the
 * survivor's. Fired synchronously in the merge's transaction, so features that point at pursuits (offers) repoint first.
 */
public record ProspectsMerged(long survivorProspectId, long loserProspectId) {
}
