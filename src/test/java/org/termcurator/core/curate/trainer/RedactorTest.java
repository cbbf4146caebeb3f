package org.termcurator.core.curate.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void keysOfKnownShapesAndSecretsAfterTheirNamesAreReplacedAndCountedByKind() {
        Redactor redactor = new Redactor();
        String text = redactor.redact("""
                export OPENAI_API_KEY=sk-proj-4fT9xQ2mLk8vR7wZ3nB6cY1hJ5dG0sPa
                aws: AKIAIOSFODNN7EXAMPLE
                curl -H 'Authorization: Bearer abc123DEF456ghi789' https://api
                DB_PASSWORD=hunter22
                SERVICE_TOKEN=Zq8xW2vN4kP9mR3tY7bC
                git clone https://bob:s3cretpw@example.org/repo.git
                """);
        assertThat(text).doesNotContain("sk-proj-4fT9", "AKIAIOSFODNN7EXAMPLE", "abc123DEF456ghi789", "hunter22",
                "Zq8xW2vN4kP9mR3tY7bC", "s3cretpw");
        assertThat(text).contains("OPENAI_API_KEY=[REDACTED:api-key]", "Bearer [REDACTED:authorization]",
                "DB_PASSWORD=[REDACTED:password]", "SERVICE_TOKEN=[REDACTED:secret]", "bob:[REDACTED:url-password]@");
        assertThat(redactor.counts()).containsEntry("api-key", 1).containsEntry("aws-key", 1)
                .containsEntry("password", 1).containsEntry("secret", 1);
        assertThat(redactor.total()).isEqualTo(6);
    }

    @Test
    void referencesPlaceholdersAndOrdinaryWordsStay() {
        Redactor redactor = new Redactor();
        String text = "export API_KEY=$OPENAI_API_KEY\nTOKEN=${TOKEN}\nSECRET_NAME=production\nPASSWORD=****\n"
                + "tokenizer: cl100k_base\n";
        assertThat(redactor.redact(text)).isEqualTo(text);
        assertThat(redactor.total()).isZero();
    }
}
