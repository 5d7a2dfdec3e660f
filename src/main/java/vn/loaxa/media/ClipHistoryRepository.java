package vn.loaxa.media;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface ClipHistoryRepository extends ListCrudRepository<ClipHistoryEntry, Long> {

	List<ClipHistoryEntry> findByClipIdOrderByAtAscIdAsc(long clipId);

	void deleteByClipId(long clipId);
}
