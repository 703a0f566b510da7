package cn.gongkai.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One published version of an entry (变更 history shown on the item page). */
@Entity
@Table(name = "catalog_version")
public class CatalogVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long entryId;
    private int version;
    private String title;
    private String summary;
    private Instant publishedAt;

    protected CatalogVersion() {
    }

    CatalogVersion(Long entryId, int version, String title, String summary, Instant publishedAt) {
        this.entryId = entryId;
        this.version = version;
        this.title = title;
        this.summary = summary;
        this.publishedAt = publishedAt;
    }

    public int getVersion() {
        return version;
    }

    public String getTitle() {
        return title;
    }

    public String getPublishedLabel() {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(publishedAt.atZone(java.time.ZoneId.of("Asia/Shanghai")));
    }
}
