package io.investcrm.dev;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.investcrm.company.CompanySearchIndex;
import io.investcrm.company.identity.CreditCode;
import io.investcrm.company.identity.NameNormalizer;
import io.investcrm.company.contact.PiiField;
import io.investcrm.company.contact.PiiService;
import io.investcrm.core.AppClock;
import io.investcrm.security.pii.Masking;
import io.investcrm.security.pii.PiiCipher;
import io.investcrm.security.pii.PiiNormalizer;
import io.quarkus.runtime.StartupEvent;

/**
 * The run mode's demo data set (only when {@code investcrm.demo-data.enabled=true}, i.e. {@code quarkus:dev}):
 * two teams and the demo users, prospects in every stage and status, visits with follow-ups (one overdue), a Hong
 * Kong law-firm league table, contacts with encrypted personal data. Fictitious firms; written once into an empty
 * database.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    @ConfigProperty(name = "investcrm.demo-data.enabled", defaultValue = "false")
    boolean enabled;

    @ConfigProperty(name = "investcrm.pii.current-key")
    String piiKeyId;

    @ConfigProperty(name = "investcrm.pii.index-key")
    String piiIndexKey;

    @Inject
    EntityManager em;

    @Inject
    AppClock clock;

    @Inject
    io.investcrm.activity.ActivityCounts activityCounts;

    @Inject
    Config config;

    /** A demo firm: names, credit code, role, presence, industries, activities, space need, zone, and its pursuit. */
    record Firm(String zh, String en, String creditCode, String country, String city, String role, String presence,
            List<String> industries, String activities, Integer space, String zone, String stage, String status,
            String owner, int daysInStage) {
    }

    static final List<Firm> FIRMS = List.of(
            new Firm("深圳芯动微电子设计有限公司", "Xindong Microelectronics Design", "91440300MA5DE0011", "CN", "深圳", "STANDALONE",
                    "RD_CENTER", List.of("sci-tech.semiconductor.ic-design"), "集成电路设计，SoC 芯片研发", 3000, "huaqiang-shangbu",
                    "NEGOTIATING", "ACTIVE", "officer1", 12),
            new Firm("环宇联合银行（亚太）", "Global United Bank Asia Pacific", null, "GB", "London", "REGIONAL_HQ", "REGIONAL_HQ",
                    List.of("finance.banking"), "商业银行，财富管理，跨境金融", 8000, "xiangmihu", "VISITED", "ACTIVE", "officer1", 20),
            new Firm("德衡国际律师行", "Deheng International Law Firm", null, "HK", "香港", "HK_FIRM", "BRANCH",
                    List.of("professional.legal"), "法律服务，争议解决，跨境并购", 1200, "futian-cbd", "OFFER", "ACTIVE", "officer2", 5),
            new Firm("安储新能源科技股份有限公司", "Anchu Energy Storage", "91440300MA5DE0038", "CN", "深圳", "STANDALONE",
                    "GLOBAL_HQ", List.of("green-plus.low-carbon-tech.energy-storage"), "储能系统，电池管理，智能电网", 5000, "antuoshan", "SIGNED", "ACTIVE",
                    "officer2", 30),
            new Firm("光年互娱游戏有限公司", "Lightyear Games", "91440300MA5DE0046", "CN", "深圳", "STANDALONE", "RD_CENTER",
                    List.of("fashion.digital-creative.digital-content.games-animation"), "游戏研发，动漫，电子竞技", 2000, "dajinsha-chegongmiao", "CONTACTED", "ACTIVE",
                    "officer1", 3),
            new Firm("康源生物医药（深圳）有限公司", "Kangyuan Biopharma", "91440300MA5DE0054", "CN", "深圳", "STANDALONE", "RD_CENTER",
                    List.of("health-plus.biomedicine"), "细胞与基因治疗，创新药物研发", 4000, "hetao", "LEAD", "ACTIVE", null, 2),
            new Firm("恒建工程咨询集团", "Hengjian Engineering Consultants", null, "CN", "上海", "GLOBAL_HQ", "REGIONAL_HQ",
                    List.of("professional.engineering-consulting"), "全过程工程咨询，建筑设计", 1500, "futian-cbd", "LANDED", "ACTIVE",
                    "officer3", 40),
            new Firm("智途机器人有限公司", "Zhitu Robotics", "91440300MA5DE0062", "CN", "深圳", "STANDALONE", "RD_CENTER",
                    List.of("sci-tech.robotics"), "服务机器人，智能装备", 2500, "bagualing", "VISITED", "ON_HOLD", "officer3", 45),
            new Firm("云图数据科技有限公司", "Yuntu Data", "91440300MA5DE0070", "CN", "深圳", "STANDALONE", "BRANCH",
                    List.of("sci-tech.software-it.data-services"), "大数据，云计算，数据服务", 800, "meilin-caitian", "LEAD", "LOST",
                    "officer1", 60),
            new Firm("汇信金融科技有限公司", "Huixin Fintech", "91440300MA5DE0089", "CN", "深圳", "STANDALONE", "FUNCTIONAL_HQ",
                    List.of("finance-plus.fintech"), "金融科技，支付清算，区块链", 1800, "xiangmihu", "LANDED", "ACTIVE", "officer2", 10),
            new Firm("华信会计师事务所（特殊普通合伙）", "Huaxin CPA", null, "CN", "北京", "NETWORK", "BRANCH",
                    List.of("professional.accounting-tax"), "审计，税务，咨询", 900, null, "LEAD", "ACTIVE", null, 1));

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            seed();
        }
    }

    @Transactional
    void seed() {
        Number companies = (Number) em.createNativeQuery("SELECT COUNT(*) FROM company").getSingleResult();
        if (companies.intValue() > 0) {
            return;
        }
        LocalDateTime now = clock.now();
        sql("INSERT INTO team (code, name_zh, name_en, leader) VALUES ('team-a', '招商一组', 'Team A', 'manager1'), "
                + "('team-b', '招商二组', 'Team B', 'manager1')");
        sql("INSERT INTO app_user (username, display_name, email, team_code, active) VALUES "
                + "('officer1', '张伟', 'officer1@investcrm.local', 'team-a', TRUE), "
                + "('officer2', '李娜', 'officer2@investcrm.local', 'team-a', TRUE), "
                + "('officer3', '王芳', 'officer3@investcrm.local', 'team-b', TRUE), "
                + "('manager1', '陈静', 'manager1@investcrm.local', 'team-a', TRUE), "
                + "('approver1', '刘洋', 'approver1@investcrm.local', NULL, TRUE), "
                + "('admin1', '赵磊', 'admin1@investcrm.local', NULL, TRUE)");
        NameNormalizer names = NameNormalizer.standard();
        PiiCipher cipher = new PiiCipher(piiKeyId, config.getValue("investcrm.pii.keys." + piiKeyId, String.class));
        byte[] indexKey = Base64.getDecoder().decode(piiIndexKey);
        long lawFirm = 0;
        int n = 0;
        java.util.Map<String, Long> ids = new java.util.HashMap<>();
        for (Firm f : FIRMS) {
            n++;
            String search = names.fold(f.zh()) + "|" + names.fold(f.en());
            long id = insert("INSERT INTO company (name_zh, name_en, search_text, norm_name, credit_code, hq_country, hq_city, "
                    + "entity_role, presence_sought, business_activities, space_need_sqm, preferred_zone, created_at, "
                    + "created_by, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                    + "'demo', ?13, 'demo')", f.zh(), f.en(), search, names.normalized(f.zh()), validCode(f.creditCode()),
                    f.country(), f.city(), f.role(), f.presence(), f.activities(), f.space(), f.zone(), now.minusDays(90));
            for (String industry : f.industries()) {
                sql("INSERT INTO company_industry (company_id, industry_code) VALUES (?1, ?2)", id, industry);
            }
            for (String gram : CompanySearchIndex.grams(search)) {
                sql("INSERT INTO company_name_gram (gram, company_id, updated_at) VALUES (?1, ?2, ?3)", gram, id, now.minusDays(90));
            }
            ids.put(f.en(), id);
            if (f.en().contains("Law")) {
                lawFirm = id;
            }
            prospect(id, f, now);
            String phone = "1380013" + String.format("%04d", n);
            String email = "contact" + n + "@example.com";
            long contact = insert("INSERT INTO contact (company_id, name_masked, title, phone_masked, phone_index, "
                    + "email_masked, email_index, source, consent, consent_at, created_at, created_by, updated_at, "
                    + "updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'demo', 'GRANTED', ?8, ?8, 'demo', ?8, 'demo')",
                    id, Masking.maskName("联系人" + n), "投资总监", Masking.maskPhone(phone),
                    PiiCipher.blindIndex(PiiNormalizer.phone(phone), indexKey), Masking.maskEmail(email),
                    PiiCipher.blindIndex(PiiNormalizer.email(email), indexKey), now.minusDays(60));
            // each ciphertext is bound to its row and field (issue 13): sealed once the row has its id
            sql("UPDATE contact SET name_enc = ?1, phone_enc = ?2, email_enc = ?3 WHERE id = ?4",
                    cipher.encrypt("联系人" + n, PiiService.context(contact, PiiField.NAME)),
                    cipher.encrypt(phone, PiiService.context(contact, PiiField.PHONE)),
                    cipher.encrypt(email, PiiService.context(contact, PiiField.EMAIL)), contact);
        }
        long list = insert("INSERT INTO ranking_list (code, list_year, name_zh, name_en, scope, field_code, source, created_at, "
                + "created_by) VALUES ('hk-law-top20', 2024, '香港律师行前20', 'Hong Kong top-20 law firms', 'HONG_KONG', "
                + "'professional.legal', '示例数据', ?1, 'demo')", now);
        sql("INSERT INTO ranking_entry (list_id, rank_no, entry_name, company_id, link_status, link_score) VALUES "
                + "(?1, 3, '德衡国际律师行', ?2, 'CONFIRMED', 1.0), (?1, 7, '示例律师行', NULL, 'UNLINKED', NULL)", list, lawFirm);
        offers(ids, now);
        LOG.infof("Demo data written: %d companies, 2 teams, 6 users, 4 offers", FIRMS.size());
    }

    private void prospect(long companyId, Firm f, LocalDateTime now) {
        if (f.stage() == null) {
            return;
        }
        String team = f.owner() == null ? null : ("officer3".equals(f.owner()) ? "team-b" : "team-a");
        boolean landed = "LANDED".equals(f.stage());
        boolean signed = landed || "SIGNED".equals(f.stage());
        long prospect = insert("INSERT INTO prospect (company_id, stage, status, status_reason, owner, leader, team_code, "
                + "stage_entered_at, last_activity_at, last_progress_at, signed_on, agreement_ref, registered_on, "
                + "local_credit_code, landing_evidence, landing_verified_by, landing_verified_at, created_at, updated_at, "
                + "owner_since, landing_recorded_by, lost_to) "
                + "VALUES (?1, ?2, ?3, ?4, ?5, 'manager1', ?6, ?7, ?7, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15, "
                + "CASE WHEN ?5 IS NULL THEN NULL ELSE ?7 END, CASE WHEN ?10 IS NULL THEN NULL ELSE ?5 END, "
                + "CASE WHEN ?3 = 'LOST' THEN '前海深港现代服务业合作区' END)",
                companyId, f.stage(), f.status(), "LOST".equals(f.status()) ? "选择落户前海：租金补贴更高" : null, f.owner(), team,
                now.minusDays(f.daysInStage()), signed ? LocalDate.now().minusDays(f.daysInStage() + 5L) : null,
                signed ? "FT-2026-" + companyId : null, landed ? LocalDate.now().minusDays(f.daysInStage()) : null,
                landed ? "91440300MA5LAND" + String.format("%02d", companyId % 100) + checkTail(companyId) : null,
                landed ? "营业执照及租赁合同" : null, landed && f.daysInStage() > 20 ? "manager1" : null,
                landed && f.daysInStage() > 20 ? now.minusDays(f.daysInStage() - 2L) : null, now.minusDays(90));
        sql("INSERT INTO prospect_event (prospect_id, kind, from_value, to_value, actor, occurred_at, note) VALUES "
                + "(?1, 'STAGE', NULL, ?2, ?3, ?4, NULL)", prospect, f.stage(), f.owner() == null ? "demo" : f.owner(),
                now.minusDays(f.daysInStage()));
        if (f.owner() != null) {
            long activity = insert("INSERT INTO activity (kind, occurred_at, place, summary, outcome, next_step, created_by, "
                    + "created_at) VALUES ('VISIT', ?1, '福田区投资推广署', ?2, '对方有意在福田设立机构', '提交空间方案', ?3, ?1)",
                    now.minusDays(f.daysInStage()), "拜访" + f.zh() + "，介绍福田产业政策与片区定位", f.owner());
            sql("INSERT INTO activity_company (activity_id, company_id) VALUES (?1, ?2)", activity, companyId);
            sql("INSERT INTO activity_officer (activity_id, username) VALUES (?1, ?2)", activity, f.owner());
            activityCounts.add(java.util.List.of(activity));
            // one follow-up overdue by a week so reminders and escalation have something to show
            sql("INSERT INTO follow_up (company_id, activity_id, title, assignee, due_on, created_by, created_at) VALUES "
                    + "(?1, ?2, ?3, ?4, ?5, ?4, ?6)", companyId, activity, "跟进" + f.zh() + "的选址需求", f.owner(),
                    LocalDate.now().plusDays(f.daysInStage() % 2 == 0 ? 3 : -7), now.minusDays(f.daysInStage()));
        }
    }

    /**
     * Offers in every part of the workflow: space in 华强-上步 for the IC-design firm waiting for the approver (large
     * enough for the manager's second step), an approved subsidy for the law firm, an accepted two-step space offer in
     * 安托山 for the storage firm, and a draft subsidy for the games studio. Each with its audit rows (its history).
     */
    private void offers(java.util.Map<String, Long> ids, LocalDateTime now) {
        long chip = offer(ids.get("Xindong Microelectronics Design"), "SPACE", "华强北芯片设计研发办公空间", "SUBMITTED",
                "huaqiang-shangbu", "华强北路 赛格广场 32–33 层", "2600.00", "128.00", 6, null, null, 60,
                "注册地及纳统在福田；三年内研发人员不少于 200 人", "approver", "officer1", now.minusDays(3), now.minusDays(1), null);
        offerAudit(chip, "create", "officer1", now.minusDays(3), null, "DRAFT", null);
        offerAudit(chip, "submit", "officer1", now.minusDays(1), "DRAFT", "SUBMITTED", null);
        approvalStep(chip, 1, "approver", null, null, null, null);
        approvalStep(chip, 2, "manager", null, null, null, null);

        long law = offer(ids.get("Deheng International Law Firm"), "SUBSIDY", "香港律师行福田代表处落户奖励", "APPROVED", null,
                null, null, null, null, "800000.00", "福田区支持专业服务业高质量发展若干措施 第八条", 36,
                "在福田设立代表机构并连续经营满三年", null, "officer2", now.minusDays(8), now.minusDays(6), now.minusDays(5));
        offerAudit(law, "create", "officer2", now.minusDays(8), null, "DRAFT", null);
        offerAudit(law, "submit", "officer2", now.minusDays(6), "DRAFT", "SUBMITTED", null);
        offerAudit(law, "approve", "approver1", now.minusDays(5), "SUBMITTED", "APPROVED", 1);
        approvalStep(law, 1, "approver", "approver1", "APPROVED", "符合专业服务业政策", now.minusDays(5));

        long storage = offer(ids.get("Anchu Energy Storage"), "SPACE", "安托山储能总部办公空间", "ACCEPTED", "antuoshan",
                "安托山片区 科创大厦 A 座 10–14 层", "5000.00", "95.00", 12, null, null, 60,
                "总部注册及纳统在福田；五年内营收达到 50 亿元", null, "officer2", now.minusDays(40), now.minusDays(38),
                now.minusDays(33));
        offerAudit(storage, "create", "officer2", now.minusDays(40), null, "DRAFT", null);
        offerAudit(storage, "submit", "officer2", now.minusDays(38), "DRAFT", "SUBMITTED", null);
        offerAudit(storage, "approve", "approver1", now.minusDays(36), "SUBMITTED", "SUBMITTED", 1);
        offerAudit(storage, "approve", "manager1", now.minusDays(33), "SUBMITTED", "APPROVED", 2);
        offerAudit(storage, "accept", "officer2", now.minusDays(31), "APPROVED", "ACCEPTED", null);
        approvalStep(storage, 1, "approver", "approver1", "APPROVED", null, now.minusDays(36));
        approvalStep(storage, 2, "manager", "manager1", "APPROVED", "面积与总部定位相符", now.minusDays(33));
        sql("UPDATE offer SET outcome_at = ?1, closing_note = '企业已签署租赁意向书' WHERE id = ?2", now.minusDays(31), storage);

        long games = offer(ids.get("Lightyear Games"), "SUBSIDY", "游戏研发团队人才住房补贴", "DRAFT", null, null, null, null,
                null, "300000.00", "福田区人才安居办法 第十二条", 24, null, null, "officer1", now.minusDays(1), null, null);
        offerAudit(games, "create", "officer1", now.minusDays(1), null, "DRAFT", null);
    }

    private long offer(long companyId, String kind, String title, String status, String zone, String building,
            String area, String rent, Integer rentFree, String amount, String policy, int term, String conditions,
            String awaiting, String owner, LocalDateTime created, LocalDateTime submitted, LocalDateTime decided) {
        List<?> prospect = em.createNativeQuery("SELECT id FROM prospect WHERE company_id = ?1").setParameter(1, companyId)
                .getResultList();
        return insert("INSERT INTO offer (company_id, prospect_id, kind, title, status, zone_code, building, floor_area_sqm, "
                + "rent_per_sqm_month, rent_free_months, subsidy_amount_cny, policy_basis, term_months, conditions, "
                + "awaiting_role, owner, created_by, created_at, updated_at, submitted_by, submitted_at, decided_at, round_no) "
                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16, ?17, ?18, "
                + "CASE WHEN ?19 IS NULL THEN NULL ELSE ?16 END, ?19, ?20, CASE WHEN ?19 IS NULL THEN 0 ELSE 1 END)", companyId,
                prospect.isEmpty() ? null : ((Number) prospect.get(0)).longValue(), kind, title, status, zone, building,
                area == null ? null : new java.math.BigDecimal(area), rent == null ? null : new java.math.BigDecimal(rent),
                rentFree, amount == null ? null : new java.math.BigDecimal(amount), policy, term, conditions, awaiting,
                owner, created, decided != null ? decided : submitted != null ? submitted : created, submitted, decided);
    }

    private void approvalStep(long offerId, int step, String role, String by, String decision, String reason,
            LocalDateTime at) {
        sql("INSERT INTO offer_approval (offer_id, step_no, required_role, decided_by, decision, reason, decided_at) "
                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", offerId, step, role, by, decision, reason, at);
    }

    /** The audit row an offer transition writes (OfferService), with its status change and the step decided. */
    private void offerAudit(long offerId, String action, String actor, LocalDateTime at, String from, String to,
            Integer step) {
        long event = insert("INSERT INTO audit_event (entity_type, entity_id, action, actor, occurred_at, detail) "
                + "VALUES ('offer', ?1, ?2, ?3, ?4, NULL)", offerId, action, actor, at);
        if (!java.util.Objects.equals(from, to)) {
            sql("INSERT INTO audit_field_change (audit_event_id, field, old_value, new_value) VALUES (?1, 'status', ?2, ?3)",
                    event, from, to);
        }
        if (step != null) {
            sql("INSERT INTO audit_field_change (audit_event_id, field, old_value, new_value) VALUES (?1, 'step', NULL, ?2)",
                    event, String.valueOf(step));
        }
    }

    /** Demo credit codes are given as their first 17 characters; the check character is computed. */
    private static String validCode(String first17) {
        return first17 == null ? null : first17 + CreditCode.checkCharacter(first17);
    }

    private static String checkTail(long id) {
        return String.valueOf(CreditCode.checkCharacter("91440300MA5LAND" + String.format("%02d", id % 100)));
    }

    private void sql(String statement, Object... args) {
        var q = em.createNativeQuery(statement);
        for (int i = 0; i < args.length; i++) {
            q.setParameter(i + 1, args[i]);
        }
        q.executeUpdate();
    }

    private long insert(String statement, Object... args) {
        sql(statement, args);
        return ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
    }
}
