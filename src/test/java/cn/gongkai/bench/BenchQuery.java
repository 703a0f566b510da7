package cn.gongkai.bench;

/**
 * One search as a portal visitor would type it: free text (blank browses by date) and the portal's filters, with the
 * kind of search it stands for. The department is named; each client resolves it to the agency's department id.
 */
record BenchQuery(Kind kind, String text, String topic, String department, Integer year) {

    /** The kinds of search in the benchmark's mix, with their share of it. */
    enum Kind {
        WORD("single word", 45),
        TWO_CHARACTERS("two-character word", 15),
        MULTIWORD("several words", 10),
        PHRASE("phrase in quotes", 8),
        DOCUMENT_NUMBER("document number", 7),
        FILTERED("filter (topic, department, year), with or without words", 10),
        NO_HIT("word not in the catalog (no hit)", 5);

        final String label;
        final int percent;

        Kind(String label, int percent) {
            this.label = label;
            this.percent = percent;
        }
    }

    static BenchQuery of(Kind kind, String text) {
        return new BenchQuery(kind, text, null, null, null);
    }

    static BenchQuery filtered(String text, String topic, String department, Integer year) {
        return new BenchQuery(Kind.FILTERED, text == null ? "" : text, topic, department, year);
    }

    boolean hasText() {
        return !text.isBlank();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(text.isBlank() ? "(no words)" : text);
        if (topic != null) {
            s.append(" topic=").append(topic);
        }
        if (department != null) {
            s.append(" department=").append(department);
        }
        if (year != null) {
            s.append(" year=").append(year);
        }
        return s.toString();
    }
}
