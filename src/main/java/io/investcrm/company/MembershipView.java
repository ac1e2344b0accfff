package io.investcrm.company;

/** A company's place on a ranking list: "香港前20律师行 2024 #3". */
public record MembershipView(long entryId, long listId, String listCode, int year, String listNameZh, String listNameEn,
        String scope, String fieldCode, int rank, String linkStatus) {
}
