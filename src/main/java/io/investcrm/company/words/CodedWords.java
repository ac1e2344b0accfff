package io.investcrm.company.words;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.investcrm.plan.PlanService;
import io.investcrm.plan.model.Industry;
import io.investcrm.plan.model.PlanDocument;
import io.investcrm.plan.model.PresenceKind;
import io.investcrm.plan.model.Zone;
import io.investcrm.core.DomainException.FieldError;
import io.investcrm.web.Messages;

/**
 * The one place where the words people write become the codes InvestCRM keeps, for forms, the API and imports alike
 * (issue 15): countries and regions by their Chinese and English names from the JDK's CLDR locale data, zones by the
 * plan's names and refs (六(二)4), industries by the plan's names and keywords (a keyword several industries share is
 * a question back, never a guess), presence kinds, group roles and consent by their labels. The same labels are what
 * exports write, so an export reads back through here.
 */
@ApplicationScoped
public class CodedWords {

    private static final Lexicon COUNTRIES = Countries.lexicon();
    private static final Lexicon PRESENCE = enumLexicon(PresenceKind.values(), "presence.");
    private static final Map<Class<?>, Lexicon> ENUMS = new ConcurrentHashMap<>();
    private static final Pattern PIECES = Pattern.compile("[;；|\\n]+");
    private static final Pattern WORDS = Pattern.compile("[,，、]+");

    @Inject
    PlanService plan;

    /** The plan's words, built once per active plan version. */
    private volatile PlanWords planWords;

    private record PlanWords(long versionId, Lexicon zones, Lexicon industries) {
    }

    public Resolution country(String text) {
        return COUNTRIES.resolve(text);
    }

    public Resolution presence(String text) {
        return PRESENCE.resolve(text);
    }

    /** A value of an enum whose labels are {@code <bundlePrefix><NAME>} in the bundles (group role, consent …). */
    public <E extends Enum<E>> Resolution choice(Class<E> type, String bundlePrefix, String text) {
        return enumWords(type, bundlePrefix).resolve(text);
    }

    public Resolution zone(String text) {
        return planWords().zones().resolve(text);
    }

    public Resolution industry(String text) {
        return planWords().industries().resolve(text);
    }

    /** The code of a resolution, or null with the person's error added. */
    public static String code(Resolution r, String field, List<FieldError> errors) {
        FieldError e = r.error(field);
        if (e != null) {
            errors.add(e);
        }
        return r.code();
    }

    /**
     * A cell or form field of industries as words: split at ; or | first, then at commas and 、 only where the piece is
     * not itself an industry's name ("电子产品展销、贸易与维修维护" is one name; "集成电路设计、智能终端" two).
     */
    public List<String> industryWords(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String piece : PIECES.split(text)) {
            String p = piece.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (industry(p).ok()) {
                out.add(p);
            } else {
                java.util.Arrays.stream(WORDS.split(p)).map(String::strip).filter(w -> !w.isEmpty()).forEach(out::add);
            }
        }
        return out;
    }

    // ---- labels for exports and pages ----

    public String countryLabel(String code, Locale locale) {
        return label(COUNTRIES, code, locale);
    }

    public String presenceLabel(String code, Locale locale) {
        return label(PRESENCE, code, locale);
    }

    public <E extends Enum<E>> String choiceLabel(E value, String bundlePrefix, Locale locale) {
        return value == null ? null : label(enumWords(value.getDeclaringClass(), bundlePrefix), value.name(), locale);
    }

    private static <E extends Enum<E>> Lexicon enumWords(Class<E> type, String bundlePrefix) {
        return ENUMS.computeIfAbsent(type, t -> enumLexicon(type.getEnumConstants(), bundlePrefix));
    }

    public String zoneLabel(String code, Locale locale) {
        return label(planWords().zones(), code, locale);
    }

    public String industryLabel(String code, Locale locale) {
        return label(planWords().industries(), code, locale);
    }

    private static String label(Lexicon lexicon, String code, Locale locale) {
        if (code == null) {
            return null;
        }
        return lexicon.label(code, locale);
    }

    // ---- building the lexicons ----

    /** Words for one plan without the plan service (plain tests, tools). */
    public static CodedWords forPlan(PlanDocument doc) {
        CodedWords words = new CodedWords();
        words.planWords = build(0, doc);
        return words;
    }

    private PlanWords planWords() {
        if (plan == null) {
            return planWords;
        }
        PlanService.Loaded active = plan.active();
        PlanWords current = planWords;
        if (current == null || current.versionId() != active.versionId()) {
            current = build(active.versionId(), active.document());
            planWords = current;
        }
        return current;
    }

    static PlanWords build(long versionId, PlanDocument doc) {
        Lexicon zones = new Lexicon(2);
        for (Zone z : doc.zones()) {
            zones.choice(new Choice(z.code(), z.name().zh(), z.name().en()));
            for (String w : List.of(z.code(), z.ref(), z.name().zh())) {
                zones.word(0, w, z.code());
            }
            if (z.name().en() != null) {
                zones.word(0, z.name().en(), z.code());
            }
            // the office writes 华强-上步片区, 华强-上步 or 六(二)4 华强-上步 as often as the plan's own name
            String bare = z.name().zh().replaceAll("(片区|合作区|中心区|中心)$", "");
            for (String name : List.of(z.name().zh(), bare)) {
                zones.word(1, name, z.code());
                zones.word(1, name + "片区", z.code());
                zones.word(1, z.ref() + name, z.code());
            }
        }
        Lexicon industries = new Lexicon(2);
        List<Industry> all = new ArrayList<>();
        for (Industry root : doc.rootIndustries()) {
            all.add(root);
            all.addAll(doc.descendants(root.code()));
        }
        for (Industry i : all) {
            industries.choice(new Choice(i.code(), i.name().zh(), i.name().en()));
            industries.word(0, i.code(), i.code());
            industries.word(0, i.name().zh(), i.code());
            if (i.name().en() != null) {
                industries.word(0, i.name().en(), i.code());
            }
            for (String k : i.keywords()) {
                industries.word(1, k, i.code());
            }
        }
        return new PlanWords(versionId, zones, industries);
    }

    /** An enum's words: its name and its labels in both bundles (the labels the pages and exports show). */
    private static <E extends Enum<E>> Lexicon enumLexicon(E[] values, String bundlePrefix) {
        Lexicon l = new Lexicon(2);
        for (E v : values) {
            String zh = Messages.format(Messages.ZH, bundlePrefix + v.name());
            String en = Messages.format(Messages.EN, bundlePrefix + v.name());
            l.choice(new Choice(v.name(), zh, en));
            l.word(0, v.name(), v.name());
            l.word(0, zh, v.name());
            l.word(0, en, v.name());
            if (v instanceof PresenceKind p) {
                // the plan's own words for the kinds of 五(一) (总部, 职能总部) beside the form's labels
                l.word(1, p.label().zh(), v.name());
                l.word(1, p.label().en(), v.name());
            }
        }
        return l;
    }
}
