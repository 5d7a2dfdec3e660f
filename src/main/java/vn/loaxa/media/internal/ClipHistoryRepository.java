package vn.loaxa.media.internal;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface ClipHistoryRepository extends ListCrudRepository<ClipHistoryEntry, Long> {

	List<ClipHistoryEntry> findByClipIdOrderByAtAscIdAsc(long clipId);

	void deleteByClipId(long clipId);
}
