using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spean.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Recommendations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Recommendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ImportKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    TextKm = table.Column<string>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", nullable: true),
                    StateUnderReviewIso3 = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Session = table.Column<int>(type: "INTEGER", nullable: false),
                    Cycle = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewDate = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Response = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ActionCategory = table.Column<int>(type: "INTEGER", nullable: true),
                    ActionCategoryOrigin = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    SourceDocument = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Paragraph = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Recommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Recommendations_Countries_StateUnderReviewIso3",
                        column: x => x.StateUnderReviewIso3,
                        principalTable: "Countries",
                        principalColumn: "Iso3",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecommendationIssue",
                columns: table => new
                {
                    RecommendationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Issue = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendationIssue", x => new { x.RecommendationId, x.Issue });
                    table.ForeignKey(
                        name: "FK_RecommendationIssue_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecommendationSdgTarget",
                columns: table => new
                {
                    RecommendationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SdgCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendationSdgTarget", x => new { x.RecommendationId, x.SdgCode });
                    table.ForeignKey(
                        name: "FK_RecommendationSdgTarget_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RecommendationSdgTarget_SdgItems_SdgCode",
                        column: x => x.SdgCode,
                        principalTable: "SdgItems",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecommendingState",
                columns: table => new
                {
                    RecommendationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CountryIso3 = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendingState", x => new { x.RecommendationId, x.Name });
                    table.ForeignKey(
                        name: "FK_RecommendingState_Countries_CountryIso3",
                        column: x => x.CountryIso3,
                        principalTable: "Countries",
                        principalColumn: "Iso3",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RecommendingState_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationIssue_Issue",
                table: "RecommendationIssue",
                column: "Issue");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_ImportKey",
                table: "Recommendations",
                column: "ImportKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_StateUnderReviewIso3_Session",
                table: "Recommendations",
                columns: new[] { "StateUnderReviewIso3", "Session" });

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationSdgTarget_SdgCode",
                table: "RecommendationSdgTarget",
                column: "SdgCode");

            migrationBuilder.CreateIndex(
                name: "IX_RecommendingState_CountryIso3",
                table: "RecommendingState",
                column: "CountryIso3");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RecommendationIssue");

            migrationBuilder.DropTable(
                name: "RecommendationSdgTarget");

            migrationBuilder.DropTable(
                name: "RecommendingState");

            migrationBuilder.DropTable(
                name: "Recommendations");
        }
    }
}
