package dev.custograph.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class NameOrderTest {

    private static List<String> sortedByKey(NameOrder order, List<String> names) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(Comparator.comparing(order::key));
        return sorted;
    }

    @Test
    void accentsAndCaseDoNotSplitTheAlphabet() {
        NameOrder english = NameOrder.of("en", "test");
        assertThat(sortedByKey(english, List.of("Bottom-Dollar Markets", "bon app'", "Bólido Comidas", "Blauer See",
                "Cactus"))).containsExactly("Blauer See", "Bólido Comidas", "bon app'", "Bottom-Dollar Markets",
                "Cactus");
        assertThat(english.key("GROSELLA")).isEqualTo(english.key("grosella")).isEqualTo(english.key("grósellá"));
    }

    @Test
    void eachLanguageHasItsOwnAlphabet() {
        // In Swedish, å, ä and ö are letters of their own after z; in English, an a with a ring.
        List<String> names = List.of("Åkesson", "Andersson", "Zetterberg");
        assertThat(sortedByKey(NameOrder.of("sv", "test"), names)).containsExactly("Andersson", "Zetterberg",
                "Åkesson");
        assertThat(sortedByKey(NameOrder.of("en", "test"), names)).containsExactly("Åkesson", "Andersson",
                "Zetterberg");
    }

    @Test
    void keysCompareAsTextAsTheCollatorComparesNames() {
        java.text.Collator collator = java.text.Collator.getInstance(java.util.Locale.GERMAN);
        collator.setStrength(java.text.Collator.PRIMARY);
        NameOrder german = NameOrder.of("de", "test");
        String letters = "aäbcdeéfghiîjklmnoöpqrsßtuüvwxyzAÄOÖUÜ -'.";
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            String a = word(random, letters);
            String b = word(random, letters);
            assertThat(Integer.signum(german.key(a).compareTo(german.key(b)))).as(a + " / " + b)
                    .isEqualTo(Integer.signum(collator.compare(a, b)));
        }
    }

    @Test
    void aNameWrittenTakesItsKeyAndANameRemovedTakesItsKeyAlong() {
        NameOrder order = NameOrder.of("en", "test");
        Map<String, Object> named = new HashMap<>(Map.of("name", "Bólido", "city", "Madrid"));
        assertThat(order.withKey(named)).containsEntry("nameKey", order.key("Bólido"));
        Map<String, Object> removed = new HashMap<>();
        removed.put("name", null);
        assertThat(order.withKey(removed)).containsEntry("nameKey", null);
        assertThat(order.withKey(new HashMap<>(Map.of("city", "Madrid")))).doesNotContainKey("nameKey");
        assertThat(NameOrder.fields(List.of("email", "name", "nameKey"))).containsExactly("email", "name");
        // A whole profile about to replace the stored one (a merge's undo) is keyed from the name it holds.
        Map<String, Object> snapshot = new HashMap<>(Map.of("name", "Åkesson", "nameKey", "stale"));
        assertThat(order.keyed(snapshot)).containsEntry("nameKey", order.key("Åkesson"));
        assertThat(order.keyed(new HashMap<>(Map.of("city", "Lund", "nameKey", "stale")))).doesNotContainKey("nameKey");
    }

    @Test
    void aCollationThatIsNotALanguageTagIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> NameOrder.of("english please", "custograph.names.collation"))
                .hasMessage("custograph.names.collation: 'english please' is not a language tag (e.g. en, de, sv)");
        assertThat(NameOrder.of(" de-CH ", "x").collation()).isEqualTo("de-CH");
    }

    private static String word(Random random, String letters) {
        StringBuilder word = new StringBuilder();
        int length = 1 + random.nextInt(8);
        for (int i = 0; i < length; i++) {
            word.append(letters.charAt(random.nextInt(letters.length())));
        }
        return word.toString();
    }
}
