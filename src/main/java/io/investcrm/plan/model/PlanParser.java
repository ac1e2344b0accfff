package io.investcrm.plan.model;

import static io.investcrm.core.Text.blank;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads a plan YAML file into a {@link PlanDocument} and validates it: unique refs and codes, every reference to a
 * section, industry, zone, belt or ranking list resolves. Any district's plan in the same schema loads; nothing here
 * knows about a particular one.
 */
public final class PlanParser {

    private static final Pattern INDUSTRY_CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)*");
    private static final Pattern GBT_4754_CLASS = Pattern.compile("\\d{4}");

    private final YAMLMapper mapper;

    public PlanParser() {
        this.mapper = YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .build();
    }

    public PlanDocument parse(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read plan " + file, e);
        }
    }

    /** Reads a plan from the classpath, e.g. {@code plans/futian-2035.yaml}. */
    public PlanDocument parseResource(String resource) {
        ClassLoader loader = Objects.requireNonNullElse(Thread.currentThread().getContextClassLoader(),
                PlanParser.class.getClassLoader());
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new PlanValidationException(resource, List.of("resource not found on the classpath"));
            }
            return parse(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read plan " + resource, e);
        }
    }

    public PlanDocument parseString(String yaml) {
        try {
            return read(mapper.createParser(yaml), "(string)");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read plan (string)", e);
        }
    }

    /** {@code source} names the input in error messages. */
    public PlanDocument parse(InputStream in, String source) {
        try {
            return read(mapper.createParser(in), source);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read plan " + source, e);
        }
    }

    private PlanDocument read(JsonParser yaml, String source) throws IOException {
        try (yaml) {
            if (yaml.nextToken() == null) {
                throw new PlanValidationException(source, List.of("the file is empty"));
            }
            return convertAndValidate(mapper.readValue(yaml, PlanYaml.Document.class), source);
        } catch (JsonProcessingException e) {
            throw syntaxError(source, e);
        }
    }

    /** The problems of a document however it was built; empty when it is valid. */
    public static List<String> validate(PlanDocument doc) {
        List<String> problems = new ArrayList<>();
        if (doc.plan() == null) {
            problems.add("plan: the plan header is missing");
        }
        Set<String> refs = unique(doc.sections().stream().map(PlanSection::ref).toList(), "section ref", problems);
        for (PlanSection s : doc.sections()) {
            if (s.parent() != null && !refs.contains(s.parent())) {
                problems.add("section '" + s.ref() + "': parent '" + s.parent() + "' is not a section");
            }
            if (s.ref().equals(s.parent())) {
                problems.add("section '" + s.ref() + "' is its own parent");
            }
        }

        Set<String> lists = unique(doc.rankingLists().stream().map(RankingList::code).toList(),
                "ranking list code", problems);

        Set<String> codes = unique(doc.industries().stream().map(Industry::code).toList(), "industry code", problems);
        for (Industry i : doc.industries()) {
            String where = "industry '" + i.code() + "'";
            if (!INDUSTRY_CODE.matcher(i.code()).matches()) {
                problems.add(where + ": code must be lowercase letters, digits and '-', joined by '.'");
            }
            if (i.parent() != null) {
                if (!codes.contains(i.parent())) {
                    problems.add(where + ": parent '" + i.parent() + "' is not an industry");
                } else if (!i.code().startsWith(i.parent() + ".")) {
                    problems.add(where + ": code must extend its parent's code '" + i.parent() + "'");
                }
            }
            checkRef(i.ref(), refs, where, problems);
            if (i.kind() == null) {
                problems.add(where + ": kind is missing");
            }
            for (String g : i.gbt4754()) {
                if (!GBT_4754_CLASS.matcher(g).matches()) {
                    problems.add(where + ": GB/T 4754 class '" + g + "' must be 4 digits");
                }
            }
            for (String k : i.keywords()) {
                if (k == null || k.isBlank()) {
                    problems.add(where + ": blank keyword");
                }
            }
            for (String r : i.related()) {
                if (!codes.contains(r) || r.equals(i.code())) {
                    problems.add(where + ": related industry '" + r + "' is unknown or itself");
                }
            }
        }

        unique(doc.hqKinds().stream().map(HqKind::ref).toList(), "hqKind ref", problems);
        for (HqKind h : doc.hqKinds()) {
            String where = "hqKind '" + h.ref() + "'";
            checkRef(h.ref(), refs, where, problems);
            checkTerms(h.sectors(), codes, refs, where, "sector", problems);
            for (PresenceTerm p : h.presence()) {
                if (p.kind() == null) {
                    problems.add(where + ": presence kind is missing");
                }
            }
            for (ListTerm l : h.lists()) {
                if (!lists.contains(l.list())) {
                    problems.add(where + ": unknown ranking list '" + l.list() + "'");
                }
            }
        }

        Set<String> zoneCodes = unique(doc.zones().stream().map(Zone::code).toList(), "zone code", problems);
        unique(doc.zones().stream().map(Zone::ref).toList(), "zone ref", problems);
        Set<String> beltCodes = unique(doc.belts().stream().map(Belt::code).toList(), "belt code", problems);
        for (Belt b : doc.belts()) {
            String where = "belt '" + b.code() + "'";
            checkRef(b.ref(), refs, where, problems);
            for (String z : b.zones()) {
                if (!zoneCodes.contains(z)) {
                    problems.add(where + ": unknown zone '" + z + "'");
                }
            }
        }
        for (Zone z : doc.zones()) {
            String where = "zone '" + z.code() + "'";
            checkRef(z.ref(), refs, where, problems);
            if (z.belt() != null) {
                if (!beltCodes.contains(z.belt())) {
                    problems.add(where + ": unknown belt '" + z.belt() + "'");
                } else if (doc.belt(z.belt()).map(b -> !b.zones().contains(z.code())).orElse(false)) {
                    problems.add(where + ": belt '" + z.belt() + "' does not list the zone");
                }
            }
            for (ZonePriority p : z.priorities()) {
                if (!codes.contains(p.industry())) {
                    problems.add(where + ": priority '" + p.term() + "' refers to unknown industry '"
                            + p.industry() + "'");
                }
                if (p.term() == null || p.term().isBlank()) {
                    problems.add(where + ": priority for '" + p.industry() + "' has no term");
                }
                checkRef(p.ref(), refs, where + " priority '" + p.term() + "'", problems);
                if (p.area() != null && z.area(p.area()).isEmpty()) {
                    problems.add(where + ": priority '" + p.term() + "' is for unknown area '" + p.area() + "'");
                }
            }
            unique(z.areas().stream().map(ZoneArea::code).toList(), where + " area code", problems);
            for (PresenceTerm p : z.presence()) {
                if (p.kind() == null) {
                    problems.add(where + ": presence kind is missing");
                }
            }
        }

        unique(doc.targets().stream().map(Target::code).toList(), "target code", problems);
        for (Target t : doc.targets()) {
            String where = "target '" + t.code() + "'";
            checkRef(t.ref(), refs, where, problems);
            checkTerms(t.fields(), codes, refs, where, "field", problems);
            for (String l : t.lists()) {
                if (!lists.contains(l)) {
                    problems.add(where + ": unknown ranking list '" + l + "'");
                }
            }
            for (TargetTier tier : t.tiers()) {
                if (tier.scope() == null || tier.maxRank() < 1) {
                    problems.add(where + ": a tier needs a scope and a maxRank of at least 1");
                }
            }
            if (t.rule() == TargetRule.FIELD && t.fields().isEmpty()) {
                problems.add(where + ": rule FIELD needs fields");
            }
        }

        unique(doc.indicators().stream().map(i -> String.valueOf(i.number())).toList(), "indicator number",
                problems);
        for (Indicator i : doc.indicators()) {
            checkRef(i.ref(), refs, "indicator " + i.number(), problems);
        }
        return problems;
    }

    private PlanDocument convertAndValidate(PlanYaml.Document raw, String source) {
        if (raw == null) {
            throw new PlanValidationException(source, List.of("the file is empty"));
        }
        List<String> problems = new ArrayList<>();
        PlanDocument doc = new Converter(problems).convert(raw);
        problems.addAll(validate(doc));
        if (!problems.isEmpty()) {
            throw new PlanValidationException(source, problems);
        }
        return doc;
    }

    private static PlanValidationException syntaxError(String source, JsonProcessingException e) {
        String where = e instanceof JsonMappingException m && !m.getPath().isEmpty() ? pathOf(m) + ": " : "";
        String line = e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : "";
        return new PlanValidationException(source, where + e.getOriginalMessage() + line, e);
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static Set<String> unique(Collection<String> values, String what, List<String> problems) {
        Set<String> seen = new HashSet<>();
        Set<String> reported = new HashSet<>();
        for (String v : values) {
            if (v == null || v.isBlank()) {
                problems.add(what + " is missing");
            } else if (!seen.add(v) && reported.add(v)) {
                problems.add("duplicate " + what + " '" + v + "'");
            }
        }
        return seen;
    }

    private static void checkRef(String ref, Set<String> refs, String where, List<String> problems) {
        if (ref == null || ref.isBlank()) {
            problems.add(where + ": ref is missing");
        } else if (!refs.contains(ref)) {
            problems.add(where + ": ref '" + ref + "' is not a section");
        }
    }

    private static void checkTerms(List<IndustryTerm> terms, Set<String> codes, Set<String> refs, String where,
                                   String what, List<String> problems) {
        for (IndustryTerm t : terms) {
            if (!codes.contains(t.industry())) {
                problems.add(where + ": " + what + " '" + t.term() + "' refers to unknown industry '"
                        + t.industry() + "'");
            }
            if (t.ref() != null && !refs.contains(t.ref())) {
                problems.add(where + ": " + what + " '" + t.term() + "': ref '" + t.ref() + "' is not a section");
            }
        }
    }

    /** Maps the file's shape onto the records, noting missing required values instead of failing on the first. */
    private static final class Converter {

        private final List<String> problems;

        Converter(List<String> problems) {
            this.problems = problems;
        }

        PlanDocument convert(PlanYaml.Document raw) {
            return new PlanDocument(
                    info(raw.plan()),
                    withKinds(map(raw.sections(), this::section)),
                    map(raw.rankingLists(), l -> new RankingList(l.code(), l.scope(),
                            text(l.zh(), l.en(), "ranking list '" + l.code() + "'"))),
                    map(raw.hqKinds(), this::hqKind),
                    industries(raw.industries()),
                    map(raw.belts(), b -> new Belt(b.code(), b.ref(), text(b.zh(), b.en(), "belt '" + b.code() + "'"),
                            b.term(), b.zones(), map(b.places(), p -> text(p, "belt '" + b.code() + "' place")))),
                    map(raw.zones(), this::zone),
                    map(raw.targets(), this::target),
                    map(raw.indicators(), this::indicator));
        }

        private PlanInfo info(PlanYaml.Info i) {
            if (i == null) {
                return null;
            }
            if (blank(i.code())) {
                problems.add("plan: code is missing");
            }
            if (i.horizon() == null) {
                problems.add("plan: horizon is missing");
            }
            return new PlanInfo(Objects.requireNonNullElse(i.code(), ""), i.version(),
                    i.region() == null ? null : text(i.region(), "plan region"), text(i.zh(), i.en(), "plan"),
                    i.horizon() == null ? 0 : i.horizon(), i.baselineYear(), i.source());
        }

        private PlanSection section(PlanYaml.Section s) {
            String ref = Objects.requireNonNullElse(s.ref(), "");
            return new PlanSection(ref, s.parent(), s.kind() == null ? SectionKind.CHAPTER : s.kind(),
                    text(s.zh(), s.en(), "section '" + ref + "'"));
        }

        /** A heading without an explicit kind gets the one of its depth: chapter, part, item, then sub-item. */
        private static List<PlanSection> withKinds(List<PlanSection> sections) {
            Map<String, PlanSection> byRef = new java.util.HashMap<>();
            sections.forEach(s -> byRef.putIfAbsent(s.ref(), s));
            List<PlanSection> out = new ArrayList<>(sections.size());
            for (PlanSection s : sections) {
                if (s.kind() != SectionKind.CHAPTER || s.parent() == null) {
                    out.add(s);
                    continue;
                }
                int depth = 0;
                Set<String> seen = new HashSet<>();
                for (PlanSection p = byRef.get(s.parent()); p != null && seen.add(p.ref()); p = byRef.get(p.parent())) {
                    depth++;
                }
                SectionKind kind = switch (depth) {
                    case 0 -> SectionKind.CHAPTER;
                    case 1 -> SectionKind.PART;
                    case 2 -> SectionKind.ITEM;
                    default -> SectionKind.SUBITEM;
                };
                out.add(new PlanSection(s.ref(), s.parent(), kind, s.title()));
            }
            return out;
        }

        private HqKind hqKind(PlanYaml.HqKindEntry h) {
            String where = "hqKind '" + h.ref() + "'";
            return new HqKind(h.ref(), text(h.zh(), h.en(), where), terms(h.sectors(), h.ref()),
                    map(h.presence(), p -> new PresenceTerm(p.kind(), p.term())),
                    map(h.lists(), l -> new ListTerm(l.list(), l.term())));
        }

        private List<Industry> industries(List<PlanYaml.IndustryEntry> roots) {
            List<Industry> out = new ArrayList<>();
            if (roots != null) {
                for (PlanYaml.IndustryEntry root : roots) {
                    flatten(root, null, null, out);
                }
            }
            return out;
        }

        private void flatten(PlanYaml.IndustryEntry e, String parent, IndustryKind inherited, List<Industry> out) {
            String code = Objects.requireNonNullElse(e.code(), "");
            if (code.isEmpty()) {
                problems.add("industry under '" + parent + "': code is missing");
            }
            IndustryKind kind = e.kind() != null ? e.kind() : inherited;
            out.add(new Industry(code, parent, e.ref(), kind, text(e.zh(), e.en(), "industry '" + code + "'"),
                    e.keywords(), e.gbt4754(), e.related()));
            if (e.children() != null) {
                for (PlanYaml.IndustryEntry child : e.children()) {
                    flatten(child, code, kind, out);
                }
            }
        }

        private Zone zone(PlanYaml.ZoneEntry z) {
            String where = "zone '" + z.code() + "'";
            List<ZonePriority> priorities = map(z.priorities(), p -> new ZonePriority(p.industry(), p.term(),
                    p.ref() != null ? p.ref() : z.ref(), p.area()));
            return new Zone(z.code(), z.ref(), text(z.zh(), z.en(), where), z.belt(), Boolean.TRUE.equals(z.engine()),
                    map(z.functions(), f -> text(f, where + " function")),
                    map(z.presence(), p -> new PresenceTerm(p.kind(), p.term())), priorities,
                    map(z.areas(), a -> new ZoneArea(a.code(), text(a.zh(), a.en(), where + " area"), a.places())));
        }

        private Target target(PlanYaml.TargetEntry t) {
            String where = "target '" + t.code() + "'";
            if (t.kind() == null) {
                problems.add(where + ": kind is missing");
            }
            List<TargetTier> tiers = map(t.tiers(), tier -> new TargetTier(tier.scope(),
                    tier.maxRank() == null ? 0 : tier.maxRank(), text(tier.zh(), tier.en(), where + " tier")));
            return new Target(t.code(), t.ref(), t.kind(), text(t.zh(), t.en(), where), t.count(), t.countText(),
                    t.horizon() == null ? null : text(t.horizon(), where + " horizon"), t.year(),
                    t.unit() == null ? null : text(t.unit(), where + " unit"),
                    t.indicator(), yearValue(t.baseline(), where + " baseline"), milestones(t.milestones()),
                    t.note() == null ? null : text(t.note(), where + " note"), t.rule(), tiers,
                    terms(t.fields(), t.ref()), t.lists(), t.presence());
        }

        private Indicator indicator(PlanYaml.IndicatorEntry i) {
            String where = "indicator " + i.number();
            if (i.number() == null) {
                problems.add("indicator number is missing");
            }
            return new Indicator(i.number() == null ? 0 : i.number(), i.ref(),
                    i.dimension() == null ? null : text(i.dimension(), where + " dimension"),
                    text(i.zh(), i.en(), where), i.unit() == null ? null : text(i.unit(), where + " unit"),
                    yearValue(i.actual(), where + " actual"),
                    milestones(i.targets()));
        }

        private List<IndustryTerm> terms(List<PlanYaml.Term> terms, String ownerRef) {
            return map(terms, t -> new IndustryTerm(t.industry(), t.term(), t.ref() != null ? t.ref() : ownerRef));
        }

        private Milestone yearValue(PlanYaml.YearValue v, String where) {
            if (v == null) {
                return null;
            }
            if (v.year() == null || blank(v.value())) {
                problems.add(where + ": year and value are required");
                return null;
            }
            return new Milestone(v.year(), v.value());
        }

        private static List<Milestone> milestones(Map<Integer, String> byYear) {
            if (byYear == null) {
                return List.of();
            }
            return new TreeMap<>(byYear).entrySet().stream()
                    .map(e -> new Milestone(e.getKey(), e.getValue())).toList();
        }

        private LocalizedText text(PlanYaml.Text t, String where) {
            return text(t.zh(), t.en(), where);
        }

        private LocalizedText text(String zh, String en, String where) {
            if (blank(zh)) {
                problems.add(where + ": zh is missing");
                return new LocalizedText("", en);
            }
            return new LocalizedText(zh, en);
        }

        private static <A, B> List<B> map(List<A> in, java.util.function.Function<A, B> f) {
            if (in == null) {
                return List.of();
            }
            List<B> out = new ArrayList<>(in.size());
            for (A a : in) {
                out.add(f.apply(a));
            }
            return out;
        }
    }
}
