package dev.custograph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Values from any source put into one form, every change counted. */
class StandardiserTest {

    @Test
    void textIsTrimmedAndItsInnerWhitespaceCollapsedToOneSpace() {
        Standardiser s = new Standardiser();
        assertThat(s.text("  Ines   Jansen ")).isEqualTo("Ines Jansen");
        assertThat(s.text("Ines\tJansen")).isEqualTo("Ines Jansen");
        assertThat(s.text("Ines \n Jansen")).isEqualTo("Ines Jansen");
        assertThat(s.text("Ines Jansen")).isEqualTo("Ines Jansen");
        assertThat(s.text("   ")).isNull();
        assertThat(s.text("")).isNull();
        assertThat(s.text(null)).isNull();
    }

    @Test
    void textGivesWhatTrimmingAndCollapsingWithTheRegexGive() {
        // The common case skips the regex; for every shape of whitespace the answer must be the regex's.
        Pattern whitespace = Pattern.compile("\\s+");
        List<String> values = List.of("a", "a b", "a  b", " a", "a ", "\ta", "a\t", "a\tb", "a\u000Bb", "a\fb",
                "a\rb", "a\u001Cb", "\u001Ca", "a\u2003b", "\u2003a", "a\u2003", "a\u00A0b", "\u00A0a", "a \u2003 b",
                "x\u0000y", "one two three", "  ", "\u3000");
        Standardiser s = new Standardiser();
        for (String value : values) {
            String collapsed = whitespace.matcher(value.strip()).replaceAll(" ");
            assertThat(s.text(value)).as("text(%s)", value.codePoints().boxed().toList())
                    .isEqualTo(collapsed.isEmpty() ? null : collapsed);
        }
    }

    @Test
    void phonesBecomeE164WithTheRowsCountryAsDefaultRegionAndEachRowIsCounted() {
        Standardiser s = new Standardiser();
        Standardiser.Country germany = s.country("Germany");
        Standardiser.Country france = s.country("France");
        assertThat(s.phone("030 1234567", germany)).isEqualTo(new Standardiser.Checked("+49301234567", null));
        // The same number again (the next line of the same customer) is counted again.
        assertThat(s.phone("030 1234567", germany).value()).isEqualTo("+49301234567");
        // The same digits under another country are another number.
        assertThat(s.phone("01 23 45 67 89", france).value()).isEqualTo("+33123456789");
        assertThat(s.phone("030 1234567", france).value()).isEqualTo("+33301234567");
        assertThat(s.phone("+49301234567", germany).value()).isEqualTo("+49301234567");
        assertThat(s.phone("not a phone", germany)).isEqualTo(new Standardiser.Checked(null, "not a phone"));
        assertThat(s.counts()).containsAllEntriesOf(Map.of("phonesNormalised", 4L, "phonesInvalid", 1L));
    }

    @Test
    void emailsAreLowerCasedAndOnesThatAreNotEmailsKeptAsWritten() {
        Standardiser s = new Standardiser();
        assertThat(s.email(" Ines.Jansen@Example.com ").value()).isEqualTo("ines.jansen@example.com");
        assertThat(s.email("ines@localhost")).isEqualTo(new Standardiser.Checked(null, "ines@localhost"));
        assertThat(s.counts()).containsAllEntriesOf(Map.of("emailsLowerCased", 1L, "emailsInvalid", 1L));
    }
}
