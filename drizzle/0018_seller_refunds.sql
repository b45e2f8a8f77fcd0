CREATE TABLE "seller_refunds" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"producer_id" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"applied_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "order_items" ADD COLUMN "refunded_cents" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_items" ADD COLUMN "refunded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "seller_refunds" ADD CONSTRAINT "seller_refunds_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "seller_refunds_order_producer_unique" ON "seller_refunds" USING btree ("order_id","producer_id");--> statement-breakpoint
-- Lines of orders refunded before this column existed: each its share, as the analytics counted it.
UPDATE "order_items" SET "refunded_cents" = round(("order_items"."price_cents" - "order_items"."discount_cents")::numeric * o."refunded_cents" / o."total_cents") FROM "orders" o WHERE o."id" = "order_items"."order_id" AND o."refunded_cents" > 0 AND o."total_cents" > 0;
