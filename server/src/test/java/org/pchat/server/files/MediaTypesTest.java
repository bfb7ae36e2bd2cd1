package org.pchat.server.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MediaTypesTest {

    @Test
    void recordsTypeAndSubtypeInLowerCase_rfc9110_8_3_1() {
        assertThat(MediaTypes.forUpload("Application/PDF")).isEqualTo("application/pdf");
        assertThat(MediaTypes.forUpload("text/plain; charset=utf-8")).isEqualTo("text/plain");
        assertThat(MediaTypes.forUpload(null)).isEqualTo(MediaTypes.DEFAULT);
        assertThat(MediaTypes.forUpload(" ")).isEqualTo(MediaTypes.DEFAULT);
    }

    @Test
    void refusesFormEncodingsAndNonMediaTypes() {
        for (String bad : new String[] {"multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
                "text", "text/", "<script>/x", "a/b/c"}) {
            assertThatThrownBy(() -> MediaTypes.forUpload(bad)).as(bad).isInstanceOf(FileException.class)
                    .extracting(e -> ((FileException) e).kind()).isEqualTo(FileException.Kind.UNSUPPORTED_TYPE);
        }
    }
}
