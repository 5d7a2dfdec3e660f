#!/usr/bin/env bash
# Regenerates LoaXa's shipped sample clips (media/) and the audio test fixtures
# (src/test/resources/audio/, including FIXTURES.md with measured durations).
#
# Needs: espeak-ng sox lame ffmpeg/ffprobe oggenc (vorbis-tools) flac
#        python3-mutagen (Debian package, used through /usr/bin/python3 for ID3 tags).
# Run as root and missing Debian packages are installed with apt-get.
#
# Usage: tools/make-samples.sh            # regenerate everything
#        tools/make-samples.sh media      # only media/
#        tools/make-samples.sh fixtures   # only src/test/resources/audio/
set -euo pipefail
export LC_ALL=C.UTF-8
export SOX_OPTS="-R"   # repeatable dither/noise/pluck: byte-identical output on every run

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MEDIA="$ROOT/media"
FIX="$ROOT/src/test/resources/audio"
PY=/usr/bin/python3          # Debian python (has mutagen), not a pyenv shim
WHAT="${1:-all}"

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

die() { echo "make-samples: $*" >&2; exit 1; }

# ---------------------------------------------------------------- prerequisites
ensure_tools() {
  local missing=()
  command -v espeak-ng >/dev/null || missing+=(espeak-ng)
  command -v sox       >/dev/null || missing+=(sox)
  command -v lame      >/dev/null || missing+=(lame)
  command -v ffmpeg    >/dev/null || missing+=(ffmpeg)
  command -v oggenc    >/dev/null || missing+=(vorbis-tools)
  command -v flac      >/dev/null || missing+=(flac)
  "$PY" -c 'import mutagen' 2>/dev/null || missing+=(python3-mutagen)
  if ((${#missing[@]})); then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
      echo "make-samples: installing ${missing[*]}" >&2
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
      die "missing Debian packages: ${missing[*]}"
    fi
  fi
}

# ---------------------------------------------------------------- helpers
# tag_id3 FILE VERSION(3|4) TITLE [ARTIST] [COMMENT]
# Writes a fresh ID3v2.3 (UTF-16) or ID3v2.4 (UTF-8) tag, no padding, no ID3v1.
# (lame's own --tc writes a COMM frame ffmpeg rejects with "Incorrect BOM value",
#  so tags are written with mutagen instead.)
tag_id3() {
  "$PY" - "$@" <<'PYEOF'
import sys
from mutagen.id3 import ID3, TIT2, TPE1, COMM, Encoding
path, ver, title = sys.argv[1], int(sys.argv[2]), sys.argv[3]
artist = sys.argv[4] if len(sys.argv) > 4 else ""
comment = sys.argv[5] if len(sys.argv) > 5 else ""
enc = Encoding.UTF8 if ver == 4 else Encoding.UTF16
t = ID3()
t.add(TIT2(encoding=enc, text=[title]))
if artist:
    t.add(TPE1(encoding=enc, text=[artist]))
if comment:
    t.add(COMM(encoding=enc, lang="vie", desc="", text=[comment]))
t.save(path, v2_version=ver, v1=0, padding=lambda info: 0)
PYEOF
}

# probe_tag FILE KEY  -> value of container tag KEY as ffmpeg sees it
# (falls back to the audio stream's tags: Ogg Vorbis comments live there)
probe_tag() {
  local v
  v="$(ffprobe -v error -show_entries "format_tags=$2" -of default=nw=1:nk=1 "$1" || true)"
  [[ -n "$v" ]] || v="$(ffprobe -v error -select_streams a:0 -show_entries "stream_tags=$2" \
                         -of default=nw=1:nk=1 "$1" || true)"
  printf '%s' "$v"
}

# check_tag FILE KEY EXPECTED
check_tag() {
  local got; got="$(probe_tag "$1" "$2")"
  [[ "$got" == "$3" ]] || die "$1: tag $2 reads back as '$got', expected '$3'"
}

# check_id3_version FILE 3|4
check_id3_version() {
  local hdr; hdr="$(head -c 4 "$1" | od -An -tx1 | tr -d ' \n')"
  [[ "$hdr" == "4944330$2" ]] || die "$1: expected ID3v2.$2 header, got $hdr"
}

# exact_len WAV SECONDS -> assert sample count
exact_len() {
  local rate want got
  rate="$(soxi -r "$1")"
  want="$(awk -v s="$2" -v r="$rate" 'BEGIN{printf "%d", s*r + 0.5}')"
  got="$(soxi -s "$1")"
  [[ "$got" == "$want" ]] || die "$1: $got samples, want $want"
}

# speech RATE TEXT OUT.wav -> espeak-ng Vietnamese, mono 16-bit at RATE, normalised
speech() {
  local raw="$TMP/espeak-$$-$RANDOM.wav"
  espeak-ng -v vi -s 150 -w "$raw" "$2"
  sox "$raw" -b 16 -c 1 "$3" gain -6 rate -v "$1" gain -n -1
}

ARTIST="Đài truyền thanh xã Na Lay"

# ================================================================ media/
make_media() {
  mkdir -p "$MEDIA"

  # file|title tag|comment (kind hint)|spoken text
  local clips=(
"ban-tin-vneid.mp3|Bản tin chuyển đổi số: Hướng dẫn cài đặt ứng dụng VNeID|tin|Đài truyền thanh xã Na Lay xin kính chào bà con. Bản tin chuyển đổi số: Hướng dẫn cài đặt ứng dụng VNeID. Bà con tải ứng dụng về điện thoại, nhập số định danh cá nhân và số điện thoại, rồi đến công an xã để kích hoạt tài khoản định danh điện tử mức hai."
"thu-tuc-khai-sinh.mp3|Thủ tục hành chính: Đăng ký khai sinh trực tuyến trên Cổng dịch vụ công|bài|Kính thưa bà con, sau đây là chuyên mục cải cách hành chính. Thủ tục hành chính: Đăng ký khai sinh trực tuyến trên Cổng dịch vụ công. Cha mẹ đăng nhập bằng tài khoản định danh điện tử, điền tờ khai, và nhận kết quả ngay tại nhà."
"khau-hieu-chuyen-doi-so.mp3|Khẩu hiệu: Chuyển đổi số – Nhanh hơn, gần dân hơn|khẩu hiệu|Xã Na Lay xin gửi tới bà con khẩu hiệu. Chuyển đổi số: nhanh hơn, gần dân hơn. Xin nhắc lại: chuyển đổi số, nhanh hơn, gần dân hơn."
"thong-bao-tiep-cong-dan.mp3|Thông báo: Lịch tiếp công dân tháng 12|thông báo|Ủy ban nhân dân xã Na Lay trân trọng thông báo. Lịch tiếp công dân tháng mười hai. Lãnh đạo xã tiếp công dân vào sáng thứ năm hằng tuần, tại bộ phận một cửa của xã."
"phong-su-khong-tien-mat.mp3|Phóng sự: Xã Na Lay thanh toán không dùng tiền mặt|phóng sự|Mời bà con cùng nghe phóng sự. Xã Na Lay thanh toán không dùng tiền mặt. Nhiều hộ kinh doanh ở chợ xã đã nhận tiền bằng mã QR, bà con nộp tiền điện, tiền nước ngay trên điện thoại, nhanh chóng và an toàn."
  )
  local entry file title kind text w d
  for entry in "${clips[@]}"; do
    IFS='|' read -r file title kind text <<<"$entry"
    w="$TMP/media-$file.wav"
    speech 22050 "$text" "$TMP/sp.wav"
    # 0.3 s lead-in, 0.5 s tail
    sox "$TMP/sp.wav" "$w" pad 0.3 0.5
    d="$(soxi -D "$w")"
    awk -v d="$d" 'BEGIN{exit !(d >= 8 && d <= 25)}' || die "$file: speech is ${d}s, want 8-25 s"
    lame --quiet --noreplaygain -m m -b 32 --cbr "$w" "$MEDIA/$file"
    tag_id3 "$MEDIA/$file" 4 "$title" "$ARTIST" "$kind"
    check_id3_version "$MEDIA/$file" 4
    check_tag "$MEDIA/$file" title "$title"
    check_tag "$MEDIA/$file" comment "$kind"
  done

  # Signature tune: arpeggio C5 E5 G5 then a C major chord, fade in/out, ~4 s.
  local n i=0 parts=()
  for n in C5 E5 G5; do
    sox -n -r 44100 -b 16 -c 1 "$TMP/note$i.wav" synth 0.4 pluck "$n" vol 0.6
    parts+=("$TMP/note$i.wav"); i=$((i+1))
  done
  sox -n -r 44100 -b 16 -c 4 "$TMP/chord4.wav" synth 2.8 pluck C4 pluck E5 pluck G5 pluck C6
  sox "$TMP/chord4.wav" "$TMP/chord.wav" remix -
  sox "${parts[@]}" "$TMP/chord.wav" "$TMP/tune.wav" gain -n -2 fade t 0.05 4.0 1.2
  exact_len "$TMP/tune.wav" 4.0
  lame --quiet --noreplaygain -m m -b 48 --cbr "$TMP/tune.wav" "$MEDIA/nhac-hieu.mp3"
  tag_id3 "$MEDIA/nhac-hieu.mp3" 4 "Nhạc hiệu Đài truyền thanh xã" "$ARTIST" "nhạc hiệu"
  check_tag "$MEDIA/nhac-hieu.mp3" title "Nhạc hiệu Đài truyền thanh xã"

  cat >"$MEDIA/README.md" <<'EOF'
# media/ — tệp mẫu / sample clips

**Tiếng Việt.** Thư mục này chứa các bản tin mẫu đi kèm LoaXa: năm bản tin tiếng
Việt ngắn (chuyển đổi số, cải cách hành chính) và nhạc hiệu của đài truyền thanh
xã. Mọi tệp âm thanh đặt vào thư mục này sẽ được tự động nhập vào thư viện khi
ứng dụng khởi động. Các tệp được tạo bằng `tools/make-samples.sh` (giọng đọc
tổng hợp espeak-ng, mã hóa MP3 bằng lame, thẻ ID3v2.4 UTF-8); chạy lại script để
tạo lại.

**English.** Sample clips shipped with LoaXa: five short Vietnamese spoken
bulletins (digital transformation, administrative reform) and the commune radio
signature tune. Any audio file dropped into this folder is imported into the
library when the application starts. They were generated by
`tools/make-samples.sh` (espeak-ng synthetic speech, MP3 via lame, mono, ID3v2.4
UTF-8 tags with title / artist / comment = kind hint); re-run the script to
regenerate them.

| file | title (ID3 TIT2) | comment (kind) |
|---|---|---|
| ban-tin-vneid.mp3 | Bản tin chuyển đổi số: Hướng dẫn cài đặt ứng dụng VNeID | tin |
| thu-tuc-khai-sinh.mp3 | Thủ tục hành chính: Đăng ký khai sinh trực tuyến trên Cổng dịch vụ công | bài |
| khau-hieu-chuyen-doi-so.mp3 | Khẩu hiệu: Chuyển đổi số – Nhanh hơn, gần dân hơn | khẩu hiệu |
| thong-bao-tiep-cong-dan.mp3 | Thông báo: Lịch tiếp công dân tháng 12 | thông báo |
| phong-su-khong-tien-mat.mp3 | Phóng sự: Xã Na Lay thanh toán không dùng tiền mặt | phóng sự |
| nhac-hieu.mp3 | Nhạc hiệu Đài truyền thanh xã | nhạc hiệu |
EOF
}

# ================================================================ fixtures
# measure FILE -> "codec|rate|channels|probe_duration|decoded_seconds|decoded_samples"
measure() {
  local f="$1" info codec rate ch pdur bytes samples
  info="$(ffprobe -v error -select_streams a:0 -show_entries stream=codec_name,sample_rate,channels \
          -of default=nw=1:nk=1 "$f" 2>/dev/null | tr '\n' ' ' || true)"
  pdur="$(ffprobe -v error -show_entries format=duration -of default=nw=1:nk=1 "$f" 2>/dev/null || true)"
  if [[ -z "$info" ]]; then
    echo "—|—|—|${pdur:-error}|error|—"; return
  fi
  read -r codec rate ch <<<"$info"
  bytes="$(ffmpeg -nostdin -v quiet -i "$f" -map 0:a:0 -f s16le -c:a pcm_s16le - 2>/dev/null | wc -c || true)"
  samples=$((bytes / (2 * ch)))
  echo "$codec|$rate|$ch|${pdur:-n/a}|$(awk -v s="$samples" -v r="$rate" 'BEGIN{printf "%.6f", s/r}')|$samples"
}

# mp3_hdr FILE -> ", Xing hdr" / ", Info hdr" / ", no Xing/Info" for MP3 frames; "" otherwise.
# Looks at the first audio frame after any ID3v2 tag.
mp3_hdr() {
  case "$1" in *.mp3) ;; *) return 0 ;; esac
  [[ -s "$1" ]] || return 0
  "$PY" - "$1" <<'PYEOF'
import sys
d = open(sys.argv[1], "rb").read()
o = 0
if d[:3] == b"ID3":
    sz = d[6:10]
    o = 10 + ((sz[0] << 21) | (sz[1] << 14) | (sz[2] << 7) | sz[3])
if len(d) < o + 4 or d[o] != 0xFF or (d[o + 1] & 0xE0) != 0xE0:
    sys.exit(0)
head = d[o:o + 64]
for tag in (b"Xing", b"Info"):
    if tag in head:
        print(", %s hdr" % tag.decode(), end=""); break
else:
    print(", no Xing/Info", end="")
PYEOF
}

make_fixtures() {
  mkdir -p "$FIX"

  # --- source PCM with exact sample counts
  sox -D -n -r 44100 -b 16 -c 1 "$TMP/tone3.wav"  synth 3.0 sine 440 vol 0.5 fade t 0.01 0 0.01
  sox -D -n -r 22050 -b 16 -c 1 "$TMP/tone4.wav"  synth 4.0 sine 523.25 vol 0.5 fade t 0.01 0 0.01
  sox -D -n -r 44100 -b 16 -c 2 "$TMP/tone2s.wav" synth 2.0 sine 440 sine 660 vol 0.5 fade t 0.01 0 0.01
  sox -D -n -r 44100 -b 16 -c 2 "$TMP/tone25.wav" synth 2.5 sine 440 sine 554.37 vol 0.5 fade t 0.01 0 0.01
  sox -D -n -r 44100 -b 16 -c 1 "$TMP/tone2m.wav" synth 2.0 sine 660 vol 0.5 fade t 0.01 0 0.01
  sox -D -n -r 8000 -b 16 -c 1 "$TMP/tone4m.wav" synth 4.0 sine 330 vol 0.5 fade t 0.01 0 0.01
  sox -D -n -r 44100 -b 16 -c 1 "$TMP/tone10.wav" synth 10.0 sine 392 vol 0.5 fade t 0.01 0 0.01
  sox -D -n -r 44100 -b 16 -c 1 "$TMP/silence.wav" trim 0 2.0
  speech 44100 "Xin chào bà con. Đây là bản tin thử nghiệm về chuyển đổi số." "$TMP/sp44.wav"   # ~4.5 s
  sox -V1 "$TMP/sp44.wav" "$TMP/speech5.wav" pad 0 5 trim 0 5.0
  # 1 s digital silence, then 5 s speech mixed with noise: bitrate jumps after the first frames
  sox -n -r 44100 -b 16 -c 1 "$TMP/noise5.wav" synth 5.0 whitenoise vol 0.05
  sox -m "$TMP/speech5.wav" "$TMP/noise5.wav" "$TMP/busy5.wav"
  sox "$TMP/busy5.wav" "$TMP/busy6.wav" pad 1.0
  exact_len "$TMP/tone3.wav" 3.0;  exact_len "$TMP/tone4.wav" 4.0
  exact_len "$TMP/tone2s.wav" 2.0; exact_len "$TMP/tone25.wav" 2.5
  exact_len "$TMP/tone2m.wav" 2.0; exact_len "$TMP/tone4m.wav" 4.0
  exact_len "$TMP/tone10.wav" 10.0; exact_len "$TMP/silence.wav" 2.0
  exact_len "$TMP/speech5.wav" 5.0; exact_len "$TMP/busy6.wav" 6.0

  local L=(lame --quiet --noreplaygain)

  # cbr-mpeg1-id3v23.mp3 : MPEG-1 L3 44.1 kHz CBR 64k, 3.0 s, ID3v2.3
  "${L[@]}" -b 64 --cbr "$TMP/tone3.wav" "$FIX/cbr-mpeg1-id3v23.mp3"
  tag_id3 "$FIX/cbr-mpeg1-id3v23.mp3" 3 "Bản tin sáng: Chuyển đổi số" "$ARTIST" "tin"
  check_id3_version "$FIX/cbr-mpeg1-id3v23.mp3" 3
  check_tag "$FIX/cbr-mpeg1-id3v23.mp3" title "Bản tin sáng: Chuyển đổi số"
  check_tag "$FIX/cbr-mpeg1-id3v23.mp3" artist "$ARTIST"
  check_tag "$FIX/cbr-mpeg1-id3v23.mp3" comment "tin"

  # cbr-mpeg2-id3v24.mp3 : MPEG-2 L3 22.05 kHz CBR 32k, 4.0 s, ID3v2.4
  "${L[@]}" -b 32 --cbr "$TMP/tone4.wav" "$FIX/cbr-mpeg2-id3v24.mp3"
  tag_id3 "$FIX/cbr-mpeg2-id3v24.mp3" 4 "Thủ tục hành chính: Đăng ký khai sinh"
  check_id3_version "$FIX/cbr-mpeg2-id3v24.mp3" 4
  check_tag "$FIX/cbr-mpeg2-id3v24.mp3" title "Thủ tục hành chính: Đăng ký khai sinh"

  # vbr-xing-notag.mp3 : lame -V 5 with Xing header, no tags, 5.0 s speech
  "${L[@]}" -V 5 "$TMP/speech5.wav" "$FIX/vbr-xing-notag.mp3"
  grep -q Xing "$FIX/vbr-xing-notag.mp3" || die "vbr-xing-notag.mp3 has no Xing header"

  # vbr-noxing.mp3 : lame -V 5 -t (no Xing/LAME frame), 1 s silence + 5 s speech/noise
  "${L[@]}" -V 5 -t "$TMP/busy6.wav" "$FIX/vbr-noxing.mp3"
  # (lame still stuffs "LAME3.100" into ancillary bits; only the first frame matters)
  ! head -c 200 "$FIX/vbr-noxing.mp3" | grep -qaE 'Xing|Info' || die "vbr-noxing.mp3 unexpectedly has a Xing/Info header"

  # tone.wav : PCM 16-bit 44.1 kHz stereo, 2.0 s
  cp "$TMP/tone2s.wav" "$FIX/tone.wav"

  # tone.ogg : Vorbis, 2.5 s, TITLE
  oggenc -Q -s 1 -q 0 -t "Khẩu hiệu: Nhanh hơn, gần dân hơn" -o "$FIX/tone.ogg" "$TMP/tone25.wav"
  check_tag "$FIX/tone.ogg" title "Khẩu hiệu: Nhanh hơn, gần dân hơn"

  # tone.m4a : AAC-LC in MP4, 3.0 s, title atom
  ffmpeg -nostdin -v error -y -i "$TMP/tone3.wav" -c:a aac -b:a 48k -map_metadata -1 \
    -metadata title="Thông báo lịch tiếp công dân" -fflags +bitexact -flags:a +bitexact \
    "$FIX/tone.m4a"
  check_tag "$FIX/tone.m4a" title "Thông báo lịch tiếp công dân"

  # tone.flac : FLAC, 2.0 s, TITLE
  flac --silent -f --best --no-padding -T "TITLE=Phóng sự Bản Na Lay" -o "$FIX/tone.flac" "$TMP/tone2m.wav"
  check_tag "$FIX/tone.flac" title "Phóng sự Bản Na Lay"

  # html-title.mp3 : 2.0 s, markup in the title
  local html="<script>alert('x')</script><b>Tin</b>"
  "${L[@]}" -b 64 --cbr "$TMP/tone2m.wav" "$FIX/html-title.mp3"
  tag_id3 "$FIX/html-title.mp3" 4 "$html"
  check_tag "$FIX/html-title.mp3" title "$html"

  # truncated-xing.mp3 : 10.0 s CBR with LAME Info header, cut to 40 % of its bytes
  # (64k: at 32k lame resamples to 22.05 kHz and the frames are too small for an Info tag)
  "${L[@]}" -b 64 --cbr "$TMP/tone10.wav" "$TMP/full10.mp3"
  grep -q Info "$TMP/full10.mp3" || die "10 s source has no Info header"
  head -c $(( $(stat -c %s "$TMP/full10.mp3") * 40 / 100 )) "$TMP/full10.mp3" >"$FIX/truncated-xing.mp3"

  # truncated.wav : 4.0 s 8 kHz mono WAV (44-byte header) cut to header + half the data
  sox "$TMP/tone4m.wav" -t wav "$TMP/full4.wav"
  local wsz; wsz="$(stat -c %s "$TMP/full4.wav")"
  head -c $(( 44 + (wsz - 44) / 2 )) "$TMP/full4.wav" >"$FIX/truncated.wav"

  # not-audio.mp3 : UTF-8 text with an .mp3 name
  cat >"$FIX/not-audio.mp3" <<'EOF'
Đây không phải là tệp âm thanh.
Ủy ban nhân dân xã Na Lay — lịch tiếp công dân tháng 12.
Chuyển đổi số: nhanh hơn, gần dân hơn.
EOF

  # empty.mp3 : 0 bytes
  : >"$FIX/empty.mp3"

  # silence.wav : 2.0 s digital silence, 16-bit 44.1 kHz mono
  cp "$TMP/silence.wav" "$FIX/silence.wav"

  write_fixtures_md
}

write_fixtures_md() {
  local md="$FIX/FIXTURES.md" f m codec rate ch pdur dsec dsamp
  local -A intended=(
    [cbr-mpeg1-id3v23.mp3]="3.0" [cbr-mpeg2-id3v24.mp3]="4.0" [vbr-xing-notag.mp3]="5.0"
    [vbr-noxing.mp3]="6.0" [tone.wav]="2.0" [tone.ogg]="2.5" [tone.m4a]="3.0" [tone.flac]="2.0"
    [html-title.mp3]="2.0" [truncated-xing.mp3]="10.0 (file cut to 40 %)"
    [truncated.wav]="4.0 (file cut to half)" [not-audio.mp3]="— (text)" [empty.mp3]="— (0 bytes)"
    [silence.wav]="2.0"
  )
  local -A fmt=(
    [cbr-mpeg1-id3v23.mp3]="MPEG-1 L3 CBR 64k" [cbr-mpeg2-id3v24.mp3]="MPEG-2 L3 CBR 32k"
    [vbr-xing-notag.mp3]="MPEG-1 L3 VBR -V5" [vbr-noxing.mp3]="MPEG-1 L3 VBR -V5 -t"
    [tone.wav]="WAV PCM s16le" [tone.ogg]="Ogg Vorbis q0" [tone.m4a]="MP4/AAC-LC 48k"
    [tone.flac]="FLAC" [html-title.mp3]="MPEG-1 L3 CBR 64k"
    [truncated-xing.mp3]="MPEG-1 L3 CBR 64k, cut to 40 %"
    [truncated.wav]="WAV PCM s16le, truncated" [not-audio.mp3]="UTF-8 text"
    [empty.mp3]="empty" [silence.wav]="WAV PCM s16le, all zero"
  )
  local -A tags=(
    [cbr-mpeg1-id3v23.mp3]="ID3v2.3 (UTF-16): TIT2 \"Bản tin sáng: Chuyển đổi số\", TPE1 \"Đài truyền thanh xã Na Lay\", COMM(vie) \"tin\""
    [cbr-mpeg2-id3v24.mp3]="ID3v2.4 (UTF-8): TIT2 \"Thủ tục hành chính: Đăng ký khai sinh\""
    [vbr-xing-notag.mp3]="none" [vbr-noxing.mp3]="none" [tone.wav]="none"
    [tone.ogg]="Vorbis comment TITLE=\"Khẩu hiệu: Nhanh hơn, gần dân hơn\""
    [tone.m4a]="©nam \"Thông báo lịch tiếp công dân\""
    [tone.flac]="Vorbis comment TITLE=\"Phóng sự Bản Na Lay\""
    [html-title.mp3]="ID3v2.4 (UTF-8): TIT2 \`<script>alert('x')</script><b>Tin</b>\`"
    [truncated-xing.mp3]="none" [truncated.wav]="none" [not-audio.mp3]="—" [empty.mp3]="—" [silence.wav]="none"
  )
  local order=(cbr-mpeg1-id3v23.mp3 cbr-mpeg2-id3v24.mp3 vbr-xing-notag.mp3 vbr-noxing.mp3
               tone.wav tone.ogg tone.m4a tone.flac html-title.mp3 truncated-xing.mp3
               truncated.wav not-audio.mp3 empty.mp3 silence.wav)
  {
    echo "# Audio test fixtures"
    echo
    echo "Generated by \`tools/make-samples.sh\` — do not edit by hand; re-run the script."
    echo "Measured with $(ffmpeg -version | head -1 | awk '{print $1, $2, $3}')."
    echo
    echo "- **intended** = exact length of the source PCM (sample-exact, made with sox)."
    echo "- **ffprobe** = \`ffprobe -show_entries format=duration\` (header / bitrate based)."
    echo "- **decoded** = samples from a full decode (\`ffmpeg -i f -f s16le -\`) ÷ sample rate."
    echo "  Tests should compare against **decoded** (tolerance 10 ms)."
    echo
    echo "| file | bytes | format | codec | rate Hz | ch | intended s | ffprobe s | decoded s (samples) | tags |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    for f in "${order[@]}"; do
      m="$(measure "$FIX/$f")"
      IFS='|' read -r codec rate ch pdur dsec dsamp <<<"$m"
      echo "| \`$f\` | $(stat -c %s "$FIX/$f") | ${fmt[$f]}$(mp3_hdr "$FIX/$f") | $codec | $rate | $ch | ${intended[$f]} | $pdur | $dsec ($dsamp) | ${tags[$f]} |"
    done
    cat <<'EOF'

Notes (behaviour of the ffmpeg named above; other versions may differ)

- MP3s with a Xing/Info + LAME header carry gapless info (encoder delay/padding);
  ffmpeg's decoder trims it, so **decoded** equals the intended length, while
  `format=duration` is frames × samples-per-frame, i.e. includes delay + padding.
- `cbr-mpeg2-id3v24.mp3` has **no** Info header: at 22.05 kHz / 32 kbps a frame is
  104 bytes, too small for the LAME tag, so lame silently omits it. No gapless
  trimming: decoded = 156 frames × 576 = 89856 samples (4.0751 s, not 4.0).
- `vbr-noxing.mp3` (lame -t) has no Xing/LAME frame: ffprobe estimates duration
  from file size and the bitrate of the first (silent, 32 kbps) frames and
  overestimates it by ~2 s; decoded = 231 frames × 1152 samples, untrimmed.
- `tone.m4a`: the MP4 edit list says 3.0 s (ffprobe 3.000000) but ffmpeg 5.1 only
  drops the 1024 priming samples, not the trailing padding, so a decode gives
  133120 samples (3.0186 s). A decoder honouring the whole edit list gives 3.0 s.
- `truncated-xing.mp3`: the Info header still claims the full 10 s; only the
  surviving frames decode (~3.97 s; the last partial frame is dropped).
- `truncated.wav`: 8 kHz mono; the `data` chunk header still claims 64000 bytes
  (4.0 s) but only 32000 bytes follow. ffprobe clamps to the real file size and
  reports 2.0 s, so it does *not* expose the header's 4.0 s.
- `not-audio.mp3` and `empty.mp3` are not decodable (ffprobe fails).
EOF
  } >"$md"
}

ensure_tools
case "$WHAT" in
  all)      make_media; make_fixtures ;;
  media)    make_media ;;
  fixtures) make_fixtures ;;
  *)        die "usage: $0 [all|media|fixtures]" ;;
esac
echo "make-samples: done"
du -sh "$MEDIA" "$FIX" 2>/dev/null || true
