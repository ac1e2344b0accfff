package io.investcrm.plan.model;

import java.util.List;

/**
 * A part of a zone its paragraph of 六(二) names (e.g. 河套's 深圳园区 with 皇岗口岸片区 and 福田保税区片区, 香蜜湖中区
 * south of 红荔路): {@code places} are the names a firm's own text may use for it.
 */
public record ZoneArea(String code, LocalizedText name, List<String> places) {

    public ZoneArea {
        places = places == null ? List.of() : List.copyOf(places);
    }
}
