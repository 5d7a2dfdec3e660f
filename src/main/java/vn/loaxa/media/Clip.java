package vn.loaxa.media;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

import vn.loaxa.media.internal.ClipDetails;
import vn.loaxa.media.internal.ClipStateException;

/**
 * A bulletin in the library: its decoded audio facts (fixed at import) and its editorial
 * metadata (title, kind, topic, validity, priority), which changes through the methods here.
 */
@Table("clip")
public class Clip {

	@Id
	private Long id;
	@Version
	private int version;

	private String title;
	private String artist;
	private ClipKind kind;
	private Topic topic;
	private Priority priority;
	private ClipStatus status;
	private LocalDate validFrom;
	private LocalDate validUntil;
	private String notes;

	private String originalName;
	private String format;
	private String sha256;
	private long originalBytes;
	private String originalExt;
	private long durationMs;
	private Double loudnessLufs;
	private double gainDb;
	private int airCount;
	private ClipSource source;

	private String uploadedBy;
	private Instant uploadedAt;
	private String reviewedBy;
	private Instant reviewedAt;
	private String rejectReason;
	private Instant archivedAt;
	/** What a text bulletin says, as typed (null for a recording); fixed at import like the audio. */
	@Column("bulletin_text")
	private String text;
	/** The province's bulletin this clip came with (source PROVINCE), else null. */
	private Long bulletinId;

	protected Clip() {
	}

	static Clip imported(DecodedAudio audio, ClipDetails details, String originalName, ClipSource source,
			String by, Instant at) {
		Clip clip = new Clip();
		clip.sha256 = audio.sha256();
		clip.originalBytes = audio.originalBytes();
		clip.originalExt = audio.format().extension();
		clip.format = audio.format().label();
		clip.durationMs = audio.durationMs();
		clip.loudnessLufs = audio.loudnessLufs();
		clip.gainDb = audio.gainDb();
		clip.originalName = originalName;
		clip.source = source;
		clip.artist = audio.tags().artist();
		clip.uploadedBy = by;
		clip.uploadedAt = at;
		clip.status = ClipStatus.PENDING;
		clip.apply(details);
		return clip;
	}

	/** Marks a clip as the audio of the province's bulletin {@code id}, kept with it from import on. */
	Clip fromBulletin(long id) {
		this.source = ClipSource.PROVINCE;
		this.bulletinId = id;
		return this;
	}

	Clip withText(String text) {
		this.text = text;
		return this;
	}

	void edit(ClipDetails details, boolean keepApproval) {
		requireNotArchived();
		apply(details);
		if (status == ClipStatus.REJECTED || (status == ClipStatus.APPROVED && !keepApproval)) {
			status = ClipStatus.PENDING;
			reviewedBy = null;
			reviewedAt = null;
		}
	}

	private void apply(ClipDetails details) {
		this.title = details.title();
		this.kind = details.kind();
		this.topic = details.topic();
		this.priority = details.priority();
		this.validFrom = details.validFrom();
		this.validUntil = details.validUntil();
		this.notes = details.notes();
	}

	void approve(String by, Instant at) {
		if (status != ClipStatus.PENDING && status != ClipStatus.REJECTED) {
			throw new ClipStateException("clip.error.notPending", title);
		}
		status = ClipStatus.APPROVED;
		reviewedBy = by;
		reviewedAt = at;
		rejectReason = null;
	}

	void reject(String by, Instant at, String reason) {
		if (status != ClipStatus.PENDING && status != ClipStatus.APPROVED) {
			throw new ClipStateException("clip.error.cannotReject", title);
		}
		status = ClipStatus.REJECTED;
		reviewedBy = by;
		reviewedAt = at;
		rejectReason = reason;
	}

	void archive(Instant at) {
		requireNotArchived();
		status = ClipStatus.ARCHIVED;
		archivedAt = at;
	}

	void countAiring() {
		airCount++;
	}

	private void requireNotArchived() {
		if (status == ClipStatus.ARCHIVED) {
			throw new ClipStateException("clip.error.archived", title);
		}
	}

	/** In the queue on that date: approved, and the date inside its validity window. */
	public boolean isQueuedOn(LocalDate date) {
		return status == ClipStatus.APPROVED && isValidOn(date);
	}

	public boolean isValidOn(LocalDate date) {
		return (validFrom == null || !date.isBefore(validFrom)) && (validUntil == null || !date.isAfter(validUntil));
	}

	public boolean isExpiredOn(LocalDate date) {
		return validUntil != null && date.isAfter(validUntil);
	}

	public boolean hasAired() {
		return airCount > 0;
	}

	public Long getId() { return id; }
	public int getVersion() { return version; }
	public String getTitle() { return title; }
	public String getArtist() { return artist; }
	public ClipKind getKind() { return kind; }
	public Topic getTopic() { return topic; }
	public Priority getPriority() { return priority; }
	public ClipStatus getStatus() { return status; }
	public LocalDate getValidFrom() { return validFrom; }
	public LocalDate getValidUntil() { return validUntil; }
	public String getNotes() { return notes; }
	public String getOriginalName() { return originalName; }
	public String getFormat() { return format; }
	public String getSha256() { return sha256; }
	public long getOriginalBytes() { return originalBytes; }
	public String getOriginalExt() { return originalExt; }
	public long getDurationMs() { return durationMs; }
	public Double getLoudnessLufs() { return loudnessLufs; }
	public double getGainDb() { return gainDb; }
	public int getAirCount() { return airCount; }
	public ClipSource getSource() { return source; }
	public String getUploadedBy() { return uploadedBy; }
	public Instant getUploadedAt() { return uploadedAt; }
	public String getReviewedBy() { return reviewedBy; }
	public Instant getReviewedAt() { return reviewedAt; }
	public String getRejectReason() { return rejectReason; }
	public Instant getArchivedAt() { return archivedAt; }
	public String getText() { return text; }
	public Long getBulletinId() { return bulletinId; }

	public ClipDetails details() {
		return new ClipDetails(title, kind, topic, priority, validFrom, validUntil, notes);
	}
}
