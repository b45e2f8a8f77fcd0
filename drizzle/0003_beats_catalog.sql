CREATE TABLE "beats" (
	"id" text PRIMARY KEY NOT NULL,
	"producer_id" text NOT NULL,
	"title" text NOT NULL,
	"genre" text NOT NULL,
	"price_cents" integer NOT NULL,
	"free_download" boolean DEFAULT false NOT NULL,
	"bpm" integer,
	"musical_key" text,
	"mood" text,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce("search_text", '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce("description", '')), 'C')) STORED NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"audio_key" text,
	"audio_content_type" text,
	"audio_bytes" bigint,
	"audio_etag" text,
	"duration_seconds" real,
	"sample_rate" integer,
	"channels" integer,
	"peaks" jsonb,
	"play_count" integer DEFAULT 0 NOT NULL,
	"sale_count" integer DEFAULT 0 NOT NULL,
	"popularity" integer GENERATED ALWAYS AS ("play_count" + 10 * "sale_count") STORED NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "beats" ADD CONSTRAINT "beats_producer_id_users_id_fk" FOREIGN KEY ("producer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "beats_search_idx" ON "beats" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "beats_producer_idx" ON "beats" USING btree ("producer_id","created_at","id");--> statement-breakpoint
CREATE INDEX "beats_published_newest_idx" ON "beats" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "beats_published_price_idx" ON "beats" USING btree ("status","price_cents","id");--> statement-breakpoint
CREATE INDEX "beats_published_popularity_idx" ON "beats" USING btree ("status","popularity","id");--> statement-breakpoint
CREATE INDEX "beats_genre_idx" ON "beats" USING btree ("genre");