ALTER TABLE "beats" ADD COLUMN "delivery_mp3_key" text;--> statement-breakpoint
ALTER TABLE "beats" ADD COLUMN "delivery_wav_key" text;