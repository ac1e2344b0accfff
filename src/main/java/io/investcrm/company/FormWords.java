package io.investcrm.company;

import java.util.List;

/** Words the company form suggests while a person types (a datalist each): presence kinds, and zones with their ref. */
public record FormWords(List<String> presence, List<Word> zones) {

    /** A suggestion: the word the field takes, and a note shown beside it. */
    public record Word(String value, String note) {
    }
}
