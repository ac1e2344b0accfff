package io.investcrm.pipeline;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.investcrm.company.Pursuits;
import io.investcrm.company.Pursuits.Coverage;

/** The pipeline's answers to company queries about pursuits: stage codes and coverage come from {@link Stage}. */
@ApplicationScoped
public class ProspectPursuits implements Pursuits {

    @Override
    public List<String> stages() {
        return Arrays.stream(Stage.values()).map(Enum::name).toList();
    }

    @Override
    public String joinSql(String alias, String companyIdColumn) {
        return "LEFT JOIN prospect " + alias + " ON " + alias + ".company_id = " + companyIdColumn;
    }

    @Override
    public String coverageSql(String alias) {
        String stage = alias + ".stage";
        return "CASE WHEN " + alias + ".id IS NULL OR " + stage + " = '" + Stage.LEAD + "' THEN '" + Coverage.UNTOUCHED
                + "' WHEN " + stage + " = '" + Stage.CONTACTED + "' THEN '" + Coverage.CONTACTED
                + "' WHEN " + stage + " = '" + Stage.LANDED + "' THEN '" + Coverage.LANDED
                + "' ELSE '" + Coverage.PIPELINE + "' END";
    }
}
