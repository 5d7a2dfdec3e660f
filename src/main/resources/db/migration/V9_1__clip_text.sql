-- Text bulletins (issue 15): what a clip spoken from typed text says, kept with the clip as evidence.
-- NULL for recorded clips. 10,000 characters is the form's limit (loaxa.tts.max-chars).
ALTER TABLE clip ADD COLUMN bulletin_text VARCHAR(10000);
