package vn.loaxa.security.internal;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface AppUserRepository extends ListCrudRepository<AppUser, Long> {

	Optional<AppUser> findByUsername(String username);
}
