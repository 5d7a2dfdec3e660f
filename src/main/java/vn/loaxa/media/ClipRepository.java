package vn.loaxa.media;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ClipRepository extends ListCrudRepository<Clip, Long> {

	Optional<Clip> findBySha256(String sha256);

	List<Clip> findByStatus(ClipStatus status);

	List<Clip> findBySource(ClipSource source);

	@Modifying
	@Query("UPDATE clip SET air_count = air_count + 1 WHERE id = :id")
	void countAiring(long id);
}
