package io.investcrm.matching.engine;

import io.investcrm.plan.model.Industry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan's industry tree as arrays, with the relatedness of every pair precomputed from the weights: 1 for the same
 * industry, {@code broaderMatch^d} when the plan names an industry d levels above the firm's, {@code narrowerMatch^d}
 * when it names one d levels below, 0 across branches — unless the plan file links an industry to another branch
 * ({@code related}: fintech is finance too): then the firm's industry counts as one level below the related one.
 */
final class Taxonomy {

    static final int UNRELATED = Integer.MIN_VALUE;

    private final Industry[] industries;
    private final Map<String, Integer> index = new HashMap<>();
    private final int[] parent;
    private final int[][] distance;
    private final double[][] relatedness;

    Taxonomy(List<Industry> list, MatchWeights weights) {
        int n = list.size();
        industries = list.toArray(new Industry[0]);
        for (int i = 0; i < n; i++) {
            index.put(industries[i].code(), i);
        }
        parent = new int[n];
        for (int i = 0; i < n; i++) {
            String p = industries[i].parent();
            parent[i] = p == null ? -1 : index.getOrDefault(p, -1);
        }
        distance = new int[n][n];
        relatedness = new double[n][n];
        for (int firm = 0; firm < n; firm++) {
            for (int named = 0; named < n; named++) {
                int d = signedDistance(firm, named);
                distance[firm][named] = d;
                relatedness[firm][named] = value(d, weights);
            }
        }
        // related links: the firm's industry (or an ancestor a levels up) is also under r, one level further away
        double[][] base = new double[n][];
        for (int i = 0; i < n; i++) {
            base[i] = relatedness[i].clone();
        }
        for (int firm = 0; firm < n; firm++) {
            int up = 0;
            for (int a = firm; a >= 0; a = parent[a], up++) {
                for (String code : industries[a].related()) {
                    Integer r = index.get(code);
                    if (r == null) {
                        continue;
                    }
                    double via = Math.pow(weights.broaderMatch(), up + 1);
                    for (int named = 0; named < n; named++) {
                        double candidate = via * base[r][named];
                        if (candidate > relatedness[firm][named]) {
                            relatedness[firm][named] = candidate;
                            int d = distance[r][named];
                            distance[firm][named] = d >= 0 ? d + up + 1 : d;
                        }
                    }
                }
            }
        }
    }

    private static double value(int d, MatchWeights weights) {
        return d == UNRELATED ? 0
                : d >= 0 ? Math.pow(weights.broaderMatch(), d) : Math.pow(weights.narrowerMatch(), -d);
    }

    int size() {
        return industries.length;
    }

    Industry get(int i) {
        return industries[i];
    }

    /** The index of {@code code}, or -1. */
    int indexOf(String code) {
        Integer i = code == null ? null : index.get(code);
        return i == null ? -1 : i;
    }

    double relatedness(int firm, int named) {
        return relatedness[firm][named];
    }

    /** 0 same, d > 0 the named industry is d levels above the firm's, d < 0 below, {@link #UNRELATED} otherwise. */
    int distance(int firm, int named) {
        return distance[firm][named];
    }

    private int signedDistance(int firm, int named) {
        int d = 0;
        for (int a = firm; a >= 0; a = parent[a], d++) {
            if (a == named) {
                return d;
            }
        }
        d = 0;
        for (int a = named; a >= 0; a = parent[a], d++) {
            if (a == firm) {
                return -d;
            }
        }
        return UNRELATED;
    }
}
