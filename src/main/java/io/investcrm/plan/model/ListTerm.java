package io.investcrm.plan.model;

/** A ranking list the plan names (e.g. fortune-global-500 for "世界 500 强企业"). */
public record ListTerm(String list, String term) {
}
