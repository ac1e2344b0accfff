package io.investcrm.goals.rules;

import io.investcrm.plan.model.LocalizedText;

/** The licences and certificates 专栏1 counts by: #10 licensed financial institutions, #11 national high-tech enterprises. */
public enum LicenceType {
    FINANCIAL_LICENCE("金融许可证", "financial licence"),
    HIGH_TECH_CERTIFICATE("高新技术企业证书", "high-tech enterprise certificate");

    private final LocalizedText label;

    LicenceType(String zh, String en) {
        this.label = new LocalizedText(zh, en);
    }

    public LocalizedText label() {
        return label;
    }
}
