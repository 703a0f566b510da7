package cn.gongkai.interpretation;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One genre of an agency that needs an interpretation plan. */
@Entity
@Table(name = "interpretation_genre")
@IdClass(InterpretationGenre.Key.class)
class InterpretationGenre {

    @Id
    private Long agencyId;
    @Id
    private String genre;

    protected InterpretationGenre() {
    }

    InterpretationGenre(Long agencyId, String genre) {
        this.agencyId = agencyId;
        this.genre = genre;
    }

    String getGenre() {
        return genre;
    }

    static class Key implements Serializable {
        private Long agencyId;
        private String genre;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(agencyId, k.agencyId)
                    && java.util.Objects.equals(genre, k.genre);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(agencyId, genre);
        }
    }
}
