package cn.gongkai.request;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface RequestFiles extends Repository<RequestFile, Long> {

    RequestFile save(RequestFile file);

    void delete(RequestFile file);

    Optional<RequestFile> findByIdAndRequestIdAndKind(Long id, Long requestId, FileRule kind);

    /** The files of a request without their content. */
    @Query("""
            select new cn.gongkai.request.StoredFile(f.id, f.kind, f.filenameCipher, f.contentType, f.size,
              f.uploadedAt) from RequestFile f where f.requestId = ?1 and f.kind = ?2 order by f.id""")
    List<StoredFile> findStored(Long requestId, FileRule kind);
}
